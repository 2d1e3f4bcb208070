package org.masthead.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable: long enough to resist guessing, not absurdly long, and not one
 * of the passwords people use most (a public list shipped with the app).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    /** Long passphrases are welcome; the limit only keeps hashing cheap. */
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("accounts/common-passwords.txt");
    }

    /** Why the password is refused, in words for the person choosing it; empty when it is fine. */
    public Optional<String> problemWith(String password, String... personalWords) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("That is one of the most common passwords, so it is easy to guess. Choose another.");
        }
        for (String word : personalWords) {
            if (!word.isBlank() && lower.contains(word.toLowerCase(Locale.ROOT))) {
                return Optional.of("Don’t use your e-mail address or name in your password.");
            }
        }
        return Optional.empty();
    }

    /** As {@link #problemWith}, for a password of the account with this address and name. */
    public Optional<String> problemForAccount(String password, String email, String displayName) {
        int at = email.indexOf('@');
        // A very short local part ("jo@") would rule out too many good passwords.
        return problemWith(password, at > 2 ? email.substring(0, at) : "", displayName);
    }

    private static Set<String> load(String resource) {
        Set<String> passwords = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .forEach(line -> passwords.add(line.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
        return Set.copyOf(passwords);
    }
}
