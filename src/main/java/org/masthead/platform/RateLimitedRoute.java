package org.masthead.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * A route whose requests count against a {@link RateLimit}, per the key each request gives. A
 * request over the limit is answered 429 with {@code Retry-After} before any handler sees it, so it
 * changes nothing.
 *
 * @param path a path pattern as in the security rules, such as {@code /signin}
 * @param charge which requests use up the allowance
 */
public record RateLimitedRoute(HttpMethod method, String path, RateLimit limit, Key key, Charge charge) {

    /** Every request to this route counts. */
    public static RateLimitedRoute of(HttpMethod method, String path, RateLimit limit, Key key) {
        return new RateLimitedRoute(method, path, limit, key, Charge.EVERY_REQUEST);
    }

    /**
     * Only requests that do not end in a successful sign-in count: the route is a sign-in form, and
     * the limit slows down guessing at one account's password without hindering its owner.
     */
    public RateLimitedRoute failedSignInsOnly() {
        return new RateLimitedRoute(method, path, limit, key, Charge.FAILED_SIGN_IN);
    }

    public enum Charge {
        EVERY_REQUEST,
        /**
         * Each attempt takes from the allowance before the password is checked, so that attempts made
         * at the same moment cannot overdraw it, and a successful one gives it back.
         */
        FAILED_SIGN_IN
    }

    /** What a request is counted under. */
    @FunctionalInterface
    public interface Key {

        /** The key, or null when the request has none, as when a form field is missing; it is then not counted. */
        @Nullable
        String of(HttpServletRequest request);

        /** The client's address (see {@link RateLimits#addressKey}). */
        static Key clientAddress() {
            return request -> RateLimits.addressKey(request.getRemoteAddr());
        }

        /** The e-mail address in this form field (see {@link RateLimits#emailKey}). */
        static Key emailParameter(String name) {
            return request -> {
                String email = request.getParameter(name);
                return email == null || email.isBlank() ? null : RateLimits.emailKey(email);
            };
        }
    }
}
