package org.masthead.discussion.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.masthead.discussion.internal.MentionRepository.Mention;

/**
 * The rules for what readers write, and how it is shown. Text is stored as written and shown as
 * text: the only markup a comment gets is ours (paragraphs, line breaks, links to addresses written
 * in it, links to the readers it @mentions), built around pieces that the page escapes.
 */
public final class CommentText {

    public static final int MAX_LENGTH = 5000;

    /** Addresses written in a comment; a trailing full stop or bracket belongs to the sentence. */
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"]+");

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n\\s*");
    private static final int LONGEST_NAME = 30;
    private static final int SHORTEST_NAME = 3;

    private CommentText() {}

    /** One piece of a line: plain text, or text that links somewhere. */
    public record Segment(String text, @Nullable String href, Kind kind) {

        public enum Kind {
            TEXT,
            LINK,
            MENTION
        }

        public boolean isLink() {
            return kind == Kind.LINK;
        }

        public boolean isMention() {
            return kind == Kind.MENTION;
        }
    }

    /** A paragraph as lines, each line as pieces. */
    public record Paragraph(List<List<Segment>> lines) {}

    /**
     * The text as it will be stored: Windows line endings made plain, surrounding space dropped.
     * Nothing else changes.
     */
    static String normalise(String body) {
        return body.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** Why the (normalised) text cannot be posted, in words for the reader; empty when it can. */
    static Optional<String> problemWith(String body) {
        if (body.isBlank()) {
            return Optional.of("Write something before you post.");
        }
        if (body.codePointCount(0, body.length()) > MAX_LENGTH) {
            // Grouped as the comment box's hint writes them ("Up to 5,000 characters").
            return Optional.of(String.format(
                    Locale.UK,
                    "Keep your comment to %,d characters or fewer; it has %,d.",
                    MAX_LENGTH,
                    body.codePointCount(0, body.length())));
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                return Optional.of("Your comment contains a control character that cannot be shown. Remove it and"
                        + " try again.");
            }
            if (Character.isHighSurrogate(c) && i + 1 < body.length() && Character.isLowSurrogate(body.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("Your comment contains a broken character. Remove it and try again.");
            }
        }
        return Optional.empty();
    }

    /**
     * Every name an @mention in the text could be: for each @ at the start of a word (and not inside
     * an address), each run of name characters after it that ends at the end of a word.
     */
    static Set<String> mentionCandidates(String body) {
        Set<String> names = new LinkedHashSet<>();
        forEachMention(body, (at, candidates) -> names.addAll(candidates));
        return names;
    }

    /**
     * The @mentions in the text of readers who exist, the longest name winning where several could
     * be meant ("@Ann Lee" when both Ann and Ann Lee read the paper).
     *
     * @param accountsByName the ids of readers by their display name in lower case
     */
    static List<Mention> mentions(String body, Map<String, Long> accountsByName) {
        List<Mention> mentions = new ArrayList<>();
        forEachMention(body, (at, candidates) -> candidates.stream()
                .filter(name -> accountsByName.containsKey(name.toLowerCase(java.util.Locale.ROOT)))
                .max(Comparator.comparingInt(String::length))
                .ifPresent(name -> mentions.add(new Mention(
                        accountsByName.get(name.toLowerCase(java.util.Locale.ROOT)), at, name.length() + 1))));
        return mentions;
    }

    private interface MentionVisitor {
        void visit(int at, List<String> candidates);
    }

    private static void forEachMention(String body, MentionVisitor visitor) {
        List<int[]> urls = urlRanges(body);
        for (int at = body.indexOf('@'); at >= 0; at = body.indexOf('@', at + 1)) {
            int position = at;
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(body.charAt(at - 1));
            boolean inUrl = urls.stream().anyMatch(range -> position >= range[0] && position < range[1]);
            if (!startsWord || inUrl) {
                continue;
            }
            List<String> candidates = new ArrayList<>();
            int start = at + 1;
            int end = start;
            while (end < body.length() && end - start < LONGEST_NAME && isNameCharacter(body.charAt(end))) {
                end++;
                boolean endsWord = end == body.length() || !Character.isLetterOrDigit(body.charAt(end));
                if (Character.isLetterOrDigit(body.charAt(end - 1)) && endsWord && end - start >= SHORTEST_NAME) {
                    candidates.add(body.substring(start, end));
                }
            }
            if (!candidates.isEmpty()) {
                visitor.visit(at, candidates);
            }
        }
    }

    private static boolean isNameCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == ' ' || c == '.' || c == '_' || c == '\'' || c == '-';
    }

    private static List<int[]> urlRanges(String body) {
        List<int[]> ranges = new ArrayList<>();
        Matcher matcher = URL.matcher(body);
        while (matcher.find()) {
            int end = matcher.end();
            while (end > matcher.start() && ".,;:!?)]}'\"".indexOf(body.charAt(end - 1)) >= 0) {
                end--;
            }
            ranges.add(new int[] {matcher.start(), end});
        }
        return ranges;
    }

    /**
     * The text as paragraphs (split at blank lines) of lines, with addresses and mentions as links.
     *
     * @param profileOf the address of the profile of a mentioned account, or null when it has none
     */
    static List<Paragraph> render(String body, List<Mention> mentions, Function<Long, @Nullable String> profileOf) {
        List<Paragraph> paragraphs = new ArrayList<>();
        List<int[]> urls = urlRanges(body);
        Matcher breaks = PARAGRAPH_BREAK.matcher(body);
        int start = 0;
        while (start <= body.length()) {
            int end;
            int next;
            if (breaks.find(start)) {
                end = breaks.start();
                next = breaks.end();
            } else {
                end = body.length();
                next = body.length() + 1;
            }
            List<List<Segment>> lines = new ArrayList<>();
            int lineStart = start;
            while (lineStart <= end) {
                int newline = body.indexOf('\n', lineStart);
                int lineEnd = newline < 0 || newline > end ? end : newline;
                lines.add(segments(body, lineStart, lineEnd, urls, mentions, profileOf));
                lineStart = lineEnd + 1;
            }
            if (lines.stream().anyMatch(line -> !line.isEmpty())) {
                paragraphs.add(new Paragraph(lines));
            }
            start = next;
        }
        return paragraphs;
    }

    private static List<Segment> segments(
            String body,
            int from,
            int to,
            List<int[]> urls,
            List<Mention> mentions,
            Function<Long, @Nullable String> profileOf) {
        List<Segment> segments = new ArrayList<>();
        int position = from;
        while (position < to) {
            int here = position;
            int[] url = urls.stream()
                    .filter(range -> range[0] >= here && range[1] <= to)
                    .findFirst()
                    .orElse(null);
            Mention mention = mentions.stream()
                    .filter(m -> m.start() >= here && m.start() + m.length() <= to)
                    .findFirst()
                    .orElse(null);
            int linkStart = Math.min(url == null ? to : url[0], mention == null ? to : mention.start());
            if (linkStart > position) {
                segments.add(new Segment(body.substring(position, linkStart), null, Segment.Kind.TEXT));
                position = linkStart;
                continue;
            }
            if (url != null && url[0] == position) {
                String address = body.substring(url[0], url[1]);
                segments.add(new Segment(address, address, Segment.Kind.LINK));
                position = url[1];
            } else if (mention != null) {
                String text = body.substring(mention.start(), mention.start() + mention.length());
                String profile = profileOf.apply(mention.accountId());
                segments.add(new Segment(text, profile, profile == null ? Segment.Kind.TEXT : Segment.Kind.MENTION));
                position = mention.start() + mention.length();
            } else {
                segments.add(new Segment(body.substring(position, to), null, Segment.Kind.TEXT));
                position = to;
            }
        }
        return segments;
    }

    /** The start of the text, for notifications and lists: at most this many characters, on a word boundary. */
    public static String excerpt(String body, int length) {
        String flat = body.replaceAll("\\s+", " ").strip();
        if (flat.codePointCount(0, flat.length()) <= length) {
            return flat;
        }
        String cut = flat.substring(0, flat.offsetByCodePoints(0, length));
        int space = cut.lastIndexOf(' ');
        return (space > length / 2 ? cut.substring(0, space) : cut) + "…";
    }
}
