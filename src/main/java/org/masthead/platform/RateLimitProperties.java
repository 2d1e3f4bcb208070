package org.masthead.platform;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Overrides of the rate limits that modules declare, by name: {@code
 * masthead.rate-limits.sign-in-per-ip.capacity=50} leaves that limit's period as declared.
 */
@ConfigurationProperties("masthead")
public record RateLimitProperties(@DefaultValue Map<String, Limit> rateLimits) {

    /** Checked here, by name, so that a typo stops the start instead of failing every request the limit guards. */
    public RateLimitProperties {
        rateLimits.forEach((name, limit) -> {
            if (limit.capacity() != null && limit.capacity() < 1) {
                throw new IllegalArgumentException("masthead.rate-limits.%s.capacity must be at least 1, not %d"
                        .formatted(name, limit.capacity()));
            }
            if (limit.period() != null && !limit.period().isPositive()) {
                throw new IllegalArgumentException(
                        "masthead.rate-limits.%s.period must be positive, not %s".formatted(name, limit.period()));
            }
        });
    }

    /**
     * @param capacity how many requests one key may make in a burst, and per period
     * @param period how long a used-up limit takes to refill completely
     */
    public record Limit(@Nullable Integer capacity, @Nullable Duration period) {}

    /** The limit as declared, or as the properties override it. */
    public RateLimit effective(RateLimit declared) {
        Limit override = rateLimits.get(declared.name());
        return override == null ? declared : declared.overriddenBy(override);
    }
}
