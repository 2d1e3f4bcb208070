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
import org.masthead.platform.Workers;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Counts readings of articles without a database write per reading: each node adds them up in memory
 * and a worker adds its counts to {@code article_activity} every {@code masthead.discovery.views-flush-interval},
 * and once more when the node stops. A node that crashes loses at most one interval's count.
 */
@Component
public class ReadingCounter implements SmartLifecycle {

    /** Crawlers, link previews and scripts, by what their User-Agent says: they are not readers. */
    private static final Pattern BOTS =
            Pattern.compile("(?i)bot\\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|curl|wget|"
                    + "python-requests|httpclient|java/|go-http-client|okhttp|lighthouse|pingdom|monitor");

    /** Distinct articles one node counts between flushes; more are dropped, so no one can fill memory with made-up ids. */
    static final int MAX_ARTICLES = 10_000;

    private final AtomicReference<Map<Long, LongAdder>> counts = new AtomicReference<>(new ConcurrentHashMap<>());
    private final ActivityRepository activity;
    private final Clock clock;
    private volatile boolean running;

    ReadingCounter(ActivityRepository activity, Clock clock, Workers workers, DiscoveryProperties properties) {
        this.activity = activity;
        this.clock = clock;
        workers.run("reading-counter", properties.viewsFlushInterval(), null, () -> {
            flush();
            return false;
        });
    }

    /** Counts one reading of the article, unless the User-Agent says a program is asking. */
    public void count(long articleId, @Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank() || BOTS.matcher(userAgent).find()) {
            return;
        }
        Map<Long, LongAdder> current = counts.get();
        LongAdder adder = current.get(articleId);
        if (adder == null) {
            if (current.size() >= MAX_ARTICLES) {
                return;
            }
            adder = current.computeIfAbsent(articleId, id -> new LongAdder());
        }
        adder.increment();
    }

    /** Adds what was counted since the last flush to the database, in one statement. */
    public void flush() {
        Map<Long, LongAdder> taken = counts.getAndSet(new ConcurrentHashMap<>());
        if (taken.isEmpty()) {
            return;
        }
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        try {
            activity.addViews(taken, hour);
        } catch (RuntimeException e) {
            // Put them back for the next turn rather than lose them to a passing database failure.
            taken.forEach((id, adder) ->
                    counts.get().computeIfAbsent(id, any -> new LongAdder()).add(adder.sum()));
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
