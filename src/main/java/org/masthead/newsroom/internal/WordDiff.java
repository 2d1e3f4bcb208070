package org.masthead.newsroom.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words added and removed between two texts, as a reader of both would mark them. */
public final class WordDiff {

    public enum Change {
        SAME,
        ADDED,
        REMOVED
    }

    /** A run of text that is the same, added or removed; spaces and line breaks are kept as they were. */
    public record Segment(Change change, String text) {}

    /**
     * @param added how many words the newer text has that the older did not
     * @param removed how many words the older text had that the newer does not
     */
    public record Result(List<Segment> segments, int added, int removed) {

        public boolean unchanged() {
            return added == 0 && removed == 0;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private WordDiff() {}

    public static Result between(String older, String newer) {
        List<String> from = tokens(older);
        List<String> to = tokens(newer);
        List<Segment> segments = new ArrayList<>();
        int added = 0;
        int removed = 0;
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
            Chunk<String> source = delta.getSource();
            Chunk<String> target = delta.getTarget();
            append(segments, Change.SAME, from.subList(position, source.getPosition()));
            append(segments, Change.REMOVED, source.getLines());
            append(segments, Change.ADDED, target.getLines());
            removed += words(source.getLines());
            added += words(target.getLines());
            position = source.getPosition() + source.size();
        }
        append(segments, Change.SAME, from.subList(position, from.size()));
        return new Result(segments, added, removed);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static int words(List<String> tokens) {
        return (int) tokens.stream().filter(t -> !t.isBlank()).count();
    }

    private static void append(List<Segment> segments, Change change, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!segments.isEmpty() && segments.getLast().change() == change) {
            Segment last = segments.removeLast();
            segments.add(new Segment(change, last.text() + text));
        } else {
            segments.add(new Segment(change, text));
        }
    }
}
