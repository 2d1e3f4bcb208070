package org.masthead.discovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param searchPageSize results on one page of search results
 * @param recencyHalfLife how quickly age weighs on a result: an article this old counts three quarters
 *     as relevant as a new one with the same words, one twice as old five eighths; never less than half
 * @param indexCheckInterval how often each node checks the search index against the newsroom's
 *     published articles and mends any difference (it also does at start-up)
 * @param viewsFlushInterval how often each node adds the readings it counted in memory to the database;
 *     a node that crashes loses at most this long's count
 * @param activityRetention how long hourly counts of readings and comments are kept
 */
@ConfigurationProperties("masthead.discovery")
public record DiscoveryProperties(
        @DefaultValue("10") int searchPageSize,
        @DefaultValue("30d") Duration recencyHalfLife,
        @DefaultValue("10m") Duration indexCheckInterval,
        @DefaultValue("10s") Duration viewsFlushInterval,
        @DefaultValue("30d") Duration activityRetention) {

    public DiscoveryProperties {
        if (searchPageSize < 1 || searchPageSize > 100) {
            throw new IllegalArgumentException("masthead.discovery.search-page-size must be between 1 and 100");
        }
        if (recencyHalfLife.isNegative() || recencyHalfLife.isZero()) {
            throw new IllegalArgumentException("masthead.discovery.recency-half-life must be positive");
        }
        if (!indexCheckInterval.isPositive() || !viewsFlushInterval.isPositive() || !activityRetention.isPositive()) {
            throw new IllegalArgumentException("masthead.discovery.index-check-interval, .views-flush-interval and"
                    + " .activity-retention must be positive, not " + indexCheckInterval + ", " + viewsFlushInterval
                    + " and " + activityRetention);
        }
    }
}
