package org.masthead.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * A route whose requests count against a {@link RateLimit}, per the key each request gives. A
 * request over the limit is answered 429 with {@code Retry-After} before any handler sees it, so it
 * changes nothing.
 *
 * @param path a path pattern as in the security rules, such as {@code /signin}
 * @param charge which requests use up the allowance
 * @param slowdown zero to refuse a request over the limit; otherwise how long, at most, such a request
 *     is held before it goes on
 */
public record RateLimitedRoute(
        HttpMethod method, String path, RateLimit limit, Key key, Charge charge, Duration slowdown) {

    public RateLimitedRoute {
        if (slowdown.isNegative()) {
            throw new IllegalArgumentException("A slowdown cannot be negative");
        }
    }

    /** Every request to this route counts. */
    public static RateLimitedRoute of(HttpMethod method, String path, RateLimit limit, Key key) {
        return new RateLimitedRoute(method, path, limit, key, Charge.EVERY_REQUEST, Duration.ZERO);
    }

    /**
     * Only requests that do not end in a successful sign-in count: the route is a sign-in form, and
     * the limit slows down guessing at one account's password without hindering its owner.
     */
    public RateLimitedRoute failedSignInsOnly() {
        return new RateLimitedRoute(method, path, limit, key, Charge.FAILED_SIGN_IN, slowdown);
    }

    /**
     * A request over the limit is not refused but held until the limit would allow it, at most this
     * long, and then goes on: for a limit that anyone may use up, whose refusals would shut out
     * everyone else too. A held request keeps its turn at the node meanwhile (see the admission
     * limit), so the hold is short.
     */
    public RateLimitedRoute slowingDownBy(Duration most) {
        return new RateLimitedRoute(method, path, limit, key, charge, most);
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

        /** The e-mail address in this form field, from this client address: one client's tries at one account. */
        static Key emailParameterAndClientAddress(String name) {
            return request -> {
                String email = emailParameter(name).of(request);
                return email == null ? null : email + " " + clientAddress().of(request);
            };
        }
    }
}
