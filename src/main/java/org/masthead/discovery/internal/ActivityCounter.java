package org.masthead.discovery.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.masthead.discovery.DiscoveryProperties;
import org.masthead.discussion.CommentPosted;
import org.masthead.platform.Workers;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts readings of articles and comments posted under them without a database write for each: each
 * node adds them up in memory and a worker adds its counts to {@code article_activity} every {@code
 * masthead.discovery.views-flush-interval}, and once more when the node stops. A node that crashes loses at
 * most one interval's count, which "most read" and "most commented" can bear; a comment's poster should
 * not wait on a shared counter row that every other poster under the same article is updating.
 */
@Component
public class ActivityCounter implements SmartLifecycle {

    /** Crawlers, link previews and scripts, by what their User-Agent says: they are not readers. */
    private static final Pattern BOTS =
            Pattern.compile("(?i)bot\\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|curl|wget|"
                    + "python-requests|httpclient|java/|go-http-client|okhttp|lighthouse|pingdom|monitor");

    /** Distinct articles one node counts between flushes; more are dropped, so no one can fill memory with made-up ids. */
    static final int MAX_ARTICLES = 10_000;

    /** What was counted since the last flush, per article. */
    record Counts(Map<Long, LongAdder> views, Map<Long, LongAdder> comments) {
        Counts() {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }

        boolean isEmpty() {
            return views.isEmpty() && comments.isEmpty();
        }
    }

    private final AtomicReference<Counts> counts = new AtomicReference<>(new Counts());
    private final ActivityRepository activity;
    private final Clock clock;
    private volatile boolean running;

    ActivityCounter(ActivityRepository activity, Clock clock, Workers workers, DiscoveryProperties properties) {
        this.activity = activity;
        this.clock = clock;
        workers.run("activity-counter", properties.viewsFlushInterval(), null, () -> {
            flush();
            return false;
        });
    }

    /** Counts one reading of the article, unless the User-Agent says a program is asking. */
    public void countReading(long articleId, @Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank() || BOTS.matcher(userAgent).find()) {
            return;
        }
        add(counts.get().views(), articleId, 1);
    }

    /** A comment or reply now shows under its article: counted once the posting commits. */
    @EventListener
    void on(CommentPosted posted) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    add(counts.get().comments(), posted.articleId(), 1);
                }
            });
        } else {
            add(counts.get().comments(), posted.articleId(), 1);
        }
    }

    private static void add(Map<Long, LongAdder> counted, long articleId, long n) {
        LongAdder adder = counted.get(articleId);
        if (adder == null) {
            if (counted.size() >= MAX_ARTICLES) {
                return;
            }
            adder = counted.computeIfAbsent(articleId, id -> new LongAdder());
        }
        adder.add(n);
    }

    /** Adds what was counted since the last flush to the database, in one statement. */
    public void flush() {
        Counts taken = counts.getAndSet(new Counts());
        if (taken.isEmpty()) {
            return;
        }
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        try {
            activity.add(taken, hour);
        } catch (RuntimeException e) {
            // Put them back for the next turn rather than lose them to a passing database failure.
            Counts current = counts.get();
            taken.views().forEach((id, adder) -> add(current.views(), id, adder.sum()));
            taken.comments().forEach((id, adder) -> add(current.comments(), id, adder.sum()));
            throw e;
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Flushes on the way down, before the database goes. */
    @Override
    public void stop() {
        running = false;
        flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
