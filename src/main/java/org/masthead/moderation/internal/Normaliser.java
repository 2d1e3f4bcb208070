package org.masthead.moderation.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text reduced to the skeleton that word lists are matched on, so that the usual disguises of a word
 * change nothing: case, accents, letters repeated ({@code stuuupid}), digits and signs for letters
 * ({@code 1d10t}, {@code $h!t}), and punctuation or spaces inserted ({@code i.d.i.o.t}, {@code i d i o t}).
 * Both the lists' entries and the comments are reduced the same way, which is why {@code l}, {@code 1}
 * and {@code i} become one letter: a skeleton is for matching, never for showing.
 *
 * <p>Whole words are matched, never parts of words, so that a listed word inside an innocent one (the
 * Scunthorpe problem) is not found; an entry ending in {@code *} matches every word that starts with it.
 */
final class Normaliser {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int LONGEST_RUN = 24;
    private static final Pattern EDGES = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
    private static final Pattern SIGNS = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * The words of texts read lately. One screening reads a comment's words three times (for the banned
     * words, for the same text posted again, and for the record of it), and reading them was 3.6% of the
     * CPU spent posting a comment.
     */
    private static final Cache<String, Words> RECENTLY_READ =
            Caffeine.newBuilder().maximumSize(64).build();

    private Normaliser() {}

    /** A list entry's skeleton: one or more words, separated by single spaces; a trailing * kept. */
    static String entry(String word) {
        String folded = fold(word).strip();
        boolean prefix = folded.endsWith("*");
        List<String> words = new ArrayList<>();
        for (String chunk : SPACES.split(folded)) {
            String skeleton = skeleton(chunk);
            if (!skeleton.isEmpty()) {
                words.add(skeleton);
            }
        }
        return String.join(" ", words) + (prefix && !words.isEmpty() ? "*" : "");
    }

    /** The text's words, each in every reading that a disguise could hide a listed word in. */
    static Words words(String text) {
        return RECENTLY_READ.get(text, Normaliser::read);
    }

    private static Words read(String text) {
        List<String> joined = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        for (String chunk : SPACES.split(fold(text))) {
            if (chunk.isEmpty()) {
                continue;
            }
            // "sh!t", "f.o.o": the signs inside a word are read as letters, or dropped; those around it
            // ("word!", "(word)") are punctuation.
            String whole = skeleton(EDGES.matcher(chunk).replaceAll(""));
            if (!whole.isEmpty()) {
                joined.add(whole);
            }
            // "@idiot", "idiot,": the signs around or between words separate them.
            for (String piece : SIGNS.split(chunk)) {
                String skeleton = skeleton(piece);
                if (!skeleton.isEmpty()) {
                    pieces.add(skeleton);
                }
            }
        }
        Set<String> candidates = new LinkedHashSet<>(joined);
        candidates.addAll(pieces);
        // "i d i o t": a run of single letters is read as one word too.
        StringBuilder run = new StringBuilder();
        for (String piece : pieces) {
            if (piece.length() == 1) {
                run.append(piece);
                continue;
            }
            addRun(run, candidates);
        }
        addRun(run, candidates);
        return new Words(
                Collections.unmodifiableSet(candidates),
                " " + String.join(" ", joined) + " ",
                " " + String.join(" ", pieces) + " ");
    }

    /**
     * The words of the text, as its author wrote them, in which an entry is found: the fewest words in a
     * row that match it, the first such. A refusal names these, never the list's entry, whose spelling
     * ("spam*") is the moderators' and would tell the author what the list holds.
     *
     * @param entry a skeleton, as {@link #entry} makes it
     */
    static Optional<String> written(String text, String entry) {
        String[] chunks = SPACES.split(text.strip());
        // A disguise spreads one word over at most a run's length of chunks ("h a l f w i t").
        for (int size = 1; size <= Math.min(chunks.length, LONGEST_RUN); size++) {
            for (int from = 0; from + size <= chunks.length; from++) {
                String span = String.join(" ", java.util.Arrays.copyOfRange(chunks, from, from + size));
                if (read(span).matches(entry)) {
                    String bare = EDGES.matcher(span).replaceAll("");
                    return Optional.of(bare.isEmpty() ? span : bare);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every stretch of the run of single letters, since where the disguised word starts is unknown ("a
     * h a l f w i t" hides it after the article); only so far, so that a long run costs little.
     */
    private static void addRun(StringBuilder run, Set<String> candidates) {
        int end = Math.min(run.length(), LONGEST_RUN);
        for (int from = 0; from < end - 1; from++) {
            for (int to = from + 2; to <= end; to++) {
                candidates.add(collapse(run.substring(from, to)));
            }
        }
        run.setLength(0);
    }

    /** Lower case, without accents, with the letters that do not decompose spelled out. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed)
                .replaceAll("")
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("œ", "oe")
                .replace("ø", "o")
                .replace("ł", "l")
                .replace("đ", "d");
    }

    /**
     * One word's skeleton: signs that stand for letters read as those letters (only in a word with a
     * letter in it, so that numbers stay numbers), anything else dropped, repeated letters made one
     * (in a word with a letter in it: a number keeps its digits).
     */
    private static String skeleton(String chunk) {
        boolean hasLetter = chunk.codePoints().anyMatch(Character::isLetter);
        StringBuilder letters = new StringBuilder(chunk.length());
        chunk.codePoints().forEach(c -> {
            int letter = hasLetter ? lookalike(c) : c;
            if (Character.isLetterOrDigit(letter)) {
                letters.appendCodePoint(letter == 'l' ? 'i' : letter);
            }
        });
        // A number's repeated digits are its value, not a disguise: 100 is not 10.
        return hasLetter ? collapse(letters.toString()) : letters.toString();
    }

    private static int lookalike(int c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!', '|' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7', '+' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            default -> c;
        };
    }

    private static String collapse(String letters) {
        StringBuilder once = new StringBuilder(letters.length());
        int previous = -1;
        for (int i = 0; i < letters.length(); ) {
            int c = letters.codePointAt(i);
            if (c != previous) {
                once.appendCodePoint(c);
            }
            previous = c;
            i += Character.charCount(c);
        }
        return once.toString();
    }

    /**
     * A text's words as skeletons.
     *
     * @param candidates every single word, in every reading
     * @param joinedLine the words with signs inside them dropped, between spaces, for phrases
     * @param piecesLine the words split at signs, between spaces, for phrases
     */
    record Words(Set<String> candidates, String joinedLine, String piecesLine) {

        /** The first entry (skeletons, as {@link #entry} makes them) found among these words. */
        Optional<String> find(Collection<String> entries) {
            for (String entry : entries) {
                if (matches(entry)) {
                    return Optional.of(entry);
                }
            }
            return Optional.empty();
        }

        boolean matches(String entry) {
            if (entry.endsWith("*")) {
                String stem = entry.substring(0, entry.length() - 1);
                if (stem.indexOf(' ') >= 0) {
                    return joinedLine.contains(" " + stem) || piecesLine.contains(" " + stem);
                }
                return candidates.stream().anyMatch(word -> word.startsWith(stem));
            }
            if (entry.indexOf(' ') >= 0) {
                String phrase = " " + entry + " ";
                return joinedLine.contains(phrase) || piecesLine.contains(phrase);
            }
            return candidates.contains(entry);
        }
    }
}
