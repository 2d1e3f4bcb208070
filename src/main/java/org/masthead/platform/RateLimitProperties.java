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
