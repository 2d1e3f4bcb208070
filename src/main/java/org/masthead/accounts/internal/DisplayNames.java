package org.masthead.accounts.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.masthead.platform.PersonNames;

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

    private DisplayNames() {}

    /** The name as it will be stored (see {@link PersonNames#normalise}). */
    public static String normalise(String name) {
        return PersonNames.normalise(name);
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
        if (PersonNames.mixesLookalikeAlphabets(name)) {
            return Optional.of(PersonNames.MIXED);
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("That name is reserved. Choose another.");
        }
        return Optional.empty();
    }
}
