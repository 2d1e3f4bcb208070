package org.masthead.discovery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.masthead.discovery.DiscoveryProperties;
import org.masthead.discussion.CommentPosted;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.platform.Workers;
import org.masthead.site.ReadingTrends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Most read, most commented and related stories, for the site's pages. */
@Component
class Trends implements ReadingTrends {

    private static final Logger log = LoggerFactory.getLogger(Trends.class);
    private static final Duration DAY = Duration.ofDays(1);

    private final ActivityRepository activity;
    private final Clock clock;

    Trends(ActivityRepository activity, Clock clock, Workers workers, DiscoveryProperties properties) {
        this.activity = activity;
        this.clock = clock;
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
        return activity.top("views", since(), count);
    }

    @Override
    public List<Long> mostCommented(int count) {
        return activity.top("comments", since(), count);
    }

    @Override
    public List<Long> relatedTo(PublishedArticle article, int count) {
        return activity.related(article.id(), count);
    }

    @ApplicationModuleListener
    void on(CommentPosted posted) {
        activity.addComment(posted.articleId(), posted.postedAt().truncatedTo(ChronoUnit.HOURS));
    }

    /** The start of the hour a day ago: the last day, counted in whole hours. */
    private Instant since() {
        return clock.instant().minus(DAY).truncatedTo(ChronoUnit.HOURS);
    }
}
