package org.masthead.discovery.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.masthead.discovery.DiscoveryProperties;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.platform.ClusterMessages;
import org.masthead.platform.Workers;
import org.masthead.site.ReadingTrends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Most read, most commented and related stories, for the site's pages.
 *
 * <p>Every page that is rendered shows these blocks, so each node keeps what it read: the day's leaders
 * for as long as readings take to reach the database ({@code views-flush-interval}), and each article's
 * related stories until the search index changes on any node (or {@link #RELATED_KEPT} at most, should
 * that message be lost). Finding related stories compares an article with every other that shares a
 * topic or a word of its headline, the costliest read of an article page; a page dropped from the page
 * cache because its comments moved is rendered again without it.
 */
@Component
class Trends implements ReadingTrends {

    private static final Logger log = LoggerFactory.getLogger(Trends.class);
    private static final Duration DAY = Duration.ofDays(1);
    static final String INDEX_CHANGED = "discovery_index";
    static final Duration RELATED_KEPT = Duration.ofMinutes(10);
    private static final int RELATED_ARTICLES_KEPT = 10_000;

    private final ActivityRepository activity;
    private final Clock clock;
    private final ClusterMessages cluster;
    private final Cache<String, List<Long>> leaders;
    private final Cache<RelatedKey, List<Long>> related = Caffeine.newBuilder()
            .maximumSize(RELATED_ARTICLES_KEPT)
            .expireAfterWrite(RELATED_KEPT)
            .build();

    Trends(
            ActivityRepository activity,
            Clock clock,
            ClusterMessages cluster,
            Workers workers,
            DiscoveryProperties properties) {
        this.activity = activity;
        this.clock = clock;
        this.cluster = cluster;
        this.leaders = Caffeine.newBuilder()
                .expireAfterWrite(properties.viewsFlushInterval())
                .build();
        cluster.subscribe(INDEX_CHANGED, payload -> related.invalidateAll());
        workers.run("activity-retention", Duration.ofHours(1), null, () -> {
            int forgotten = activity.forget(clock.instant().minus(properties.activityRetention()));
            if (forgotten > 0) {
                log.info("Forgot {} hourly counts of readings and comments", forgotten);
            }
            return false;
        });
    }

    @Override
    public List<Long> mostRead(int count) {
        return leaders.get("views " + count, key -> activity.top("views", since(), count));
    }

    @Override
    public List<Long> mostCommented(int count) {
        return leaders.get("comments " + count, key -> activity.top("comments", since(), count));
    }

    @Override
    public List<Long> relatedTo(PublishedArticle article, int count) {
        return related.get(new RelatedKey(article.id(), count), key -> activity.related(key.articleId(), key.count()));
    }

    /** Tells every node that the search index changed, once the change commits: related stories may differ. */
    void indexChanged() {
        cluster.sendAfterCommit(INDEX_CHANGED, "");
    }

    private record RelatedKey(long articleId, int count) {}

    /** The start of the hour a day ago: the last day, counted in whole hours. */
    private Instant since() {
        return clock.instant().minus(DAY).truncatedTo(ChronoUnit.HOURS);
    }
}
