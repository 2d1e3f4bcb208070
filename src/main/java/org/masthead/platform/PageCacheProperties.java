package org.masthead.platform;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How public pages are cached, in this app and by browsers and CDNs in front of it.
 *
 * @param enabled whether rendered public pages are kept in memory and served from there
 * @param maxSize the memory the in-app cache may use; unset, a quarter of the Java heap's limit and at
 *     most 256 MB, so that a node given a small heap does not spend it all on kept pages
 * @param timeToLive how long a page stays in the in-app cache at most, however quiet its content
 * @param maxAge how long browsers may reuse a page without asking
 * @param sharedMaxAge how long CDNs and proxies may serve a page without asking
 * @param staleWhileRevalidate how long a shared cache may serve a stale page while it fetches a fresh one
 * @param staleIfError how long a shared cache may serve a stale page while Masthead is failing
 */
@ConfigurationProperties("masthead.page-cache")
public record PageCacheProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable DataSize maxSize,
        @DefaultValue("10m") Duration timeToLive,
        @DefaultValue("60s") Duration maxAge,
        @DefaultValue("5m") Duration sharedMaxAge,
        @DefaultValue("10m") Duration staleWhileRevalidate,
        @DefaultValue("1d") Duration staleIfError) {

    private static final DataSize LARGEST_DEFAULT = DataSize.ofMegabytes(256);

    /** Checked here, so that a typo stops the start with the setting's name rather than the cache's stack trace. */
    public PageCacheProperties {
        if (maxSize != null && maxSize.toBytes() < 1) {
            throw new IllegalArgumentException("masthead.page-cache.max-size must be positive, not " + maxSize
                    + " (masthead.page-cache.enabled=false keeps no pages)");
        }
        if (!timeToLive.isPositive()) {
            throw new IllegalArgumentException("masthead.page-cache.time-to-live must be positive, not " + timeToLive);
        }
        requireNotNegative("max-age", maxAge);
        requireNotNegative("shared-max-age", sharedMaxAge);
        requireNotNegative("stale-while-revalidate", staleWhileRevalidate);
        requireNotNegative("stale-if-error", staleIfError);
    }

    /** A negative age would go out in every public page's Cache-Control, which caches would not understand. */
    private static void requireNotNegative(String setting, Duration age) {
        if (age.isNegative()) {
            throw new IllegalArgumentException("masthead.page-cache." + setting + " must not be negative, not " + age);
        }
    }

    /** The memory the in-app cache may use, as set or else worked out from the heap this JVM may grow to. */
    public DataSize maxSizeOr(long maxHeapBytes) {
        if (maxSize != null) {
            return maxSize;
        }
        return DataSize.ofBytes(Math.min(LARGEST_DEFAULT.toBytes(), maxHeapBytes / 4));
    }

    /**
     * How long after a change a reader's browser may still show a page as it was: it reuses its copy for
     * {@code max-age}, then may show it once more while it fetches it again ({@code stale-while-revalidate}).
     */
    public Duration browserStaleness() {
        return maxAge.plus(staleWhileRevalidate);
    }

    /** The Cache-Control value of a public page. */
    public String cacheControl() {
        return "public, max-age=%d, s-maxage=%d, stale-while-revalidate=%d, stale-if-error=%d"
                .formatted(
                        maxAge.toSeconds(),
                        sharedMaxAge.toSeconds(),
                        staleWhileRevalidate.toSeconds(),
                        staleIfError.toSeconds());
    }
}
