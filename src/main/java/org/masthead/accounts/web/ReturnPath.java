package org.masthead.accounts.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where on this site to send a reader once they have signed in: a path, with its query and fragment
 * if any, such as {@code /world/2026/nov/20/a-story#comments}. Only a plain path on this site is
 * accepted; anything that a browser could take for another site is refused, however it is spelled:
 * {@code //evil.example}, {@code /\evil.example}, {@code https://evil.example}, {@code
 * javascript:...}, control characters, or any of those percent-encoded. The target is never an open
 * redirect. Nor is it a page opened from a one-time link (confirming an address, signing in by e-mail,
 * resetting a password, unsubscribing): every such link carries {@code token}, which is spent once used,
 * so coming back to it would only say that the link no longer works.
 */
final class ReturnPath {

    static final int MAX_LENGTH = 1000;

    private ReturnPath() {}

    /** The target, if this is one we may send a reader to. */
    static Optional<String> of(@Nullable String candidate) {
        if (candidate == null
                || candidate.length() > MAX_LENGTH
                || !isPlainPath(candidate, true)
                || !isPlainPath(decoded(candidate), false)
                || holdsToken(candidate)
                || holdsToken(decoded(candidate))) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    /**
     * Starts with one slash and holds no control character nor backslash: browsers read a backslash as
     * a slash, and {@code //} or {@code /\} as the start of another host. As sent, it is printable
     * ASCII alone; decoded, it may hold spaces and letters of any language, as a reader's name does.
     */
    private static boolean isPlainPath(String path, boolean asSent) {
        if (path.isEmpty() || path.charAt(0) != '/' || path.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || (asSent && (c == ' ' || c > 0x7e))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the query names a {@code token} parameter, as every one-time link of ours does. */
    private static boolean holdsToken(String path) {
        int query = path.indexOf('?');
        if (query < 0) {
            return false;
        }
        int fragment = path.indexOf('#', query);
        for (String parameter : path.substring(query + 1, fragment < 0 ? path.length() : fragment)
                .split("[&;]")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (name.strip().equalsIgnoreCase("token")) {
                return true;
            }
        }
        return false;
    }

    /** Decoded once, as a server or browser along the way might; what does not decode stays as it is. */
    private static String decoded(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }
}
