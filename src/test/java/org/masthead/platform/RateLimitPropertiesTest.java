package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.StartupSettings.bind;
import static org.masthead.StartupSettings.refusal;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A limit no request could pass stops the start by name, not every request it guards with a 500. */
class RateLimitPropertiesTest {

    @Test
    void aCapacityBelowOneIsRefusedAtStartNamingTheLimit() {
        refusal(RateLimitProperties.class, "masthead", "masthead.rate-limits.comments-per-reader.capacity=0")
                .hasMessage("masthead.rate-limits.comments-per-reader.capacity must be at least 1, not 0");
        refusal(RateLimitProperties.class, "masthead", "masthead.rate-limits.sign-in-per-ip.capacity=-3")
                .hasMessage("masthead.rate-limits.sign-in-per-ip.capacity must be at least 1, not -3");
    }

    @Test
    void aPeriodThatIsNotPositiveIsRefusedAtStartNamingTheLimit() {
        refusal(RateLimitProperties.class, "masthead", "masthead.rate-limits.registration-per-ip.period=0s")
                .hasMessage("masthead.rate-limits.registration-per-ip.period must be positive, not PT0S");
        refusal(RateLimitProperties.class, "masthead", "masthead.rate-limits.registration-per-ip.period=-1m")
                .hasMessageContaining("masthead.rate-limits.registration-per-ip.period must be positive");
    }

    @Test
    void anOverrideOfTheCapacityKeepsTheDeclaredPeriod() {
        RateLimitProperties properties =
                bind(RateLimitProperties.class, "masthead", "masthead.rate-limits.comments-per-reader.capacity=1");
        assertThat(properties.effective(RateLimit.of("comments-per-reader", 10, Duration.ofMinutes(10))))
                .isEqualTo(RateLimit.of("comments-per-reader", 1, Duration.ofMinutes(10)));
    }
}
