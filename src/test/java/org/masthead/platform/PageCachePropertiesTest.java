package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;

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
