package org.masthead.accounts.internal;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for public display names: 3 to 30 characters of letters, digits, spaces and a little
 * punctuation, beginning and ending with a letter or digit, and none that pretends to be the paper.
 */
public final class DisplayNames {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 30;

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N} ._'-]*[\\p{L}\\p{N}])?");
    private static final Set<String> RESERVED = Set.of(
            "admin",
            "administrator",
            "moderator",
            "editor",
            "masthead",
            "the masthead",
            "staff",
            "support",
            "a former reader",
            "former reader",
            "anonymous",
            "system",
            "root");

    private static final Set<Character.UnicodeScript> LOOKALIKE_ALPHABETS =
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.GREEK);

    private DisplayNames() {}

    /**
     * The name as it will be stored: in compatibility form (a full-width Ｍ is an M), trimmed, with runs of
     * spaces made one.
     */
    public static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }

    /**
     * Whether the name mixes the alphabets whose letters look alike (Latin, Cyrillic, Greek), as a name made
     * to pass for another reader's does: "Prіya" with a Cyrillic і. Other mixtures, such as Japanese
     * kanji with kana, are how those names are written.
     */
    private static boolean mixesLookalikeAlphabets(String name) {
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        name.codePoints()
                .filter(Character::isLetter)
                .mapToObj(Character.UnicodeScript::of)
                .forEach(scripts::add);
        scripts.retainAll(LOOKALIKE_ALPHABETS);
        return scripts.size() > 1;
    }

    /** Why the name is refused, in words for the reader; empty when it is fine. */
    public static Optional<String> problemWith(String name) {
        int length = name.codePointCount(0, name.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("Use " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of(
                    "Use letters, digits, spaces and . _ ' - only, starting and ending with a letter or digit.");
        }
        if (mixesLookalikeAlphabets(name)) {
            return Optional.of("Use letters from one alphabet: this name mixes Latin, Cyrillic or Greek letters.");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("That name is reserved. Choose another.");
        }
        return Optional.empty();
    }
}
