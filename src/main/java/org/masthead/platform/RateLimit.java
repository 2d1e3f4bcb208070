package org.masthead.platform;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A named limit: at most {@code capacity} requests per {@code period} for one key (one client
 * address, say), refilled gradually, so that a client who has used it up may try again once per
 * {@code period / capacity} rather than waiting out the whole period. Each module declares its
 * limits with their defaults; {@code masthead.rate-limits.<name>.capacity} and {@code .period}
 * override them (see {@link RateLimitProperties}).
 *
 * @param name a lower-case identifier such as {@code sign-in-per-ip}, the name in the properties
 */
public record RateLimit(String name, int capacity, Duration period) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    public RateLimit {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a rate limit name: " + name);
        }
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(
                    "Rate limit %s needs a capacity of at least 1 and a positive period".formatted(name));
        }
    }

    public static RateLimit of(String name, int capacity, Duration period) {
        return new RateLimit(name, capacity, period);
    }

    /** This limit with whatever the properties say instead. */
    RateLimit overriddenBy(RateLimitProperties.Limit override) {
        return new RateLimit(
                name,
                override.capacity() == null ? capacity : override.capacity(),
                override.period() == null ? period : override.period());
    }
}
