package org.masthead.platform;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Set;

/**
 * What every name a person is shown by (a reader's display name, an author's byline) is held to, so that
 * one cannot pass for another: it is kept in compatibility form (a full-width Ｍ is an M), trimmed, with
 * runs of spaces made one, and may not mix the alphabets whose letters look alike.
 */
public final class PersonNames {

    private static final Set<Character.UnicodeScript> LOOKALIKE_ALPHABETS =
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.GREEK);

    public static final String MIXED =
            "Use letters from one alphabet: this name mixes Latin, Cyrillic or Greek letters.";

    private PersonNames() {}

    /** The name as it is kept. */
    public static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }

    /**
     * Whether the name mixes Latin, Cyrillic and Greek letters, as a name made to pass for another does:
     * "Prіya" with a Cyrillic і. Other mixtures, such as Japanese kanji with kana, are how those names
     * are written.
     */
    public static boolean mixesLookalikeAlphabets(String name) {
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        name.codePoints()
                .filter(Character::isLetter)
                .mapToObj(Character.UnicodeScript::of)
                .forEach(scripts::add);
        scripts.retainAll(LOOKALIKE_ALPHABETS);
        return scripts.size() > 1;
    }
}
