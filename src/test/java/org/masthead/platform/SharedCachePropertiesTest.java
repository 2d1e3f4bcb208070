package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.StartupSettings.bind;
import static org.masthead.StartupSettings.refusal;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SharedCachePropertiesTest {

    @Test
    void aPollIntervalOrTimeoutThatIsNotPositiveIsRefusedAtStart() {
        refusal(SharedCacheProperties.class, "masthead.cache", "masthead.cache.poll-interval=0s")
                .hasMessageStartingWith("masthead.cache.poll-interval and masthead.cache.timeout must be positive");
        refusal(SharedCacheProperties.class, "masthead.cache", "masthead.cache.timeout=-5s")
                .hasMessageStartingWith("masthead.cache.poll-interval and masthead.cache.timeout must be positive");
    }

    @Test
    void retryDelaysOutOfOrderAreRefusedAtStart() {
        refusal(SharedCacheProperties.class, "masthead.cache", "masthead.cache.retry-delay=-1s")
                .hasMessageStartingWith("masthead.cache.retry-delay and masthead.cache.give-up-after must not be");
        refusal(SharedCacheProperties.class, "masthead.cache", "masthead.cache.max-retry-delay=100ms")
                .hasMessageContaining("masthead.cache.max-retry-delay at least masthead.cache.retry-delay");
        refusal(SharedCacheProperties.class, "masthead.cache", "masthead.cache.give-up-after=-1d")
                .hasMessageStartingWith("masthead.cache.retry-delay and masthead.cache.give-up-after must not be");
    }

    @Test
    void aCacheThatIsNeitherAVarnishNorAFastlyServiceIsRefusedAtStart() {
        refusal(SharedCacheProperties.class, "masthead.cache", "masthead.cache.purge-urls=varnish.example:6081")
                .hasMessage("masthead.cache.purge-urls: varnish.example:6081 is neither http://host:port (a Varnish)"
                        + " nor fastly:SERVICE_ID");
    }

    @Test
    void aFastlyServiceWithoutItsTokenIsRefusedAtStart() {
        refusal(SharedCacheProperties.class, "masthead.cache", "masthead.cache.purge-urls=fastly:service-1")
                .hasMessageContaining("set masthead.cache.fastly-token");
        assertThat(bind(
                                SharedCacheProperties.class,
                                "masthead.cache",
                                "masthead.cache.purge-urls=fastly:service-1",
                                "masthead.cache.fastly-token=token")
                        .purgeUrls())
                .hasSize(1);
    }

    @Test
    void theDefaultsStart() {
        assertThat(bind(SharedCacheProperties.class, "masthead.cache").timeout())
                .isEqualTo(Duration.ofSeconds(5));
    }
}
