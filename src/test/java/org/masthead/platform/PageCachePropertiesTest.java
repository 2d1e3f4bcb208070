package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.StartupSettings.refusal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class PageCachePropertiesTest {

    private static final long MB = 1024 * 1024;

    @Test
    void unsetTheCacheTakesAQuarterOfASmallHeap() {
        assertThat(properties(null).maxSizeOr(512 * MB)).isEqualTo(DataSize.ofMegabytes(128));
    }

    @Test
    void unsetTheCacheTakesAtMost256MegabytesOfALargeHeap() {
        assertThat(properties(null).maxSizeOr(8192 * MB)).isEqualTo(DataSize.ofMegabytes(256));
    }

    @Test
    void aSizeSetIsKeptWhateverTheHeap() {
        assertThat(properties(DataSize.ofMegabytes(400)).maxSizeOr(512 * MB)).isEqualTo(DataSize.ofMegabytes(400));
    }

    @Test
    void aSizeThatIsNotPositiveIsRefusedAtStartNamingTheSetting() {
        refusal(PageCacheProperties.class, "masthead.page-cache", "masthead.page-cache.max-size=-1MB")
                .hasMessageStartingWith("masthead.page-cache.max-size must be positive, not -1048576B");
        refusal(PageCacheProperties.class, "masthead.page-cache", "masthead.page-cache.max-size=-5KB")
                .hasMessageStartingWith("masthead.page-cache.max-size must be positive");
        refusal(PageCacheProperties.class, "masthead.page-cache", "masthead.page-cache.max-size=0")
                .hasMessageStartingWith("masthead.page-cache.max-size must be positive");
    }

    @Test
    void aTimeToLiveThatIsNotPositiveIsRefusedAtStartNamingTheSetting() {
        refusal(PageCacheProperties.class, "masthead.page-cache", "masthead.page-cache.time-to-live=-10m")
                .hasMessage("masthead.page-cache.time-to-live must be positive, not PT-10M");
        refusal(PageCacheProperties.class, "masthead.page-cache", "masthead.page-cache.time-to-live=0s")
                .hasMessage("masthead.page-cache.time-to-live must be positive, not PT0S");
    }

    @Test
    void aNegativeAgeForBrowsersOrCachesIsRefusedAtStartButZeroIsTaken() {
        refusal(PageCacheProperties.class, "masthead.page-cache", "masthead.page-cache.max-age=-1s")
                .hasMessage("masthead.page-cache.max-age must not be negative, not PT-1S");
        refusal(PageCacheProperties.class, "masthead.page-cache", "masthead.page-cache.stale-if-error=-1d")
                .hasMessageContaining("masthead.page-cache.stale-if-error must not be negative");
        assertThat(org.masthead.StartupSettings.bind(
                                PageCacheProperties.class, "masthead.page-cache", "masthead.page-cache.max-age=0")
                        .cacheControl())
                .startsWith("public, max-age=0,");
    }

    private static PageCacheProperties properties(@Nullable DataSize maxSize) {
        return new PageCacheProperties(
                true,
                maxSize,
                Duration.ofMinutes(10),
                Duration.ofSeconds(60),
                Duration.ofMinutes(5),
                Duration.ofMinutes(10),
                Duration.ofDays(1));
    }
}
