package org.masthead.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.masthead.discovery.DiscoveryProperties;
import org.masthead.discussion.CommentPosted;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Readings and comments are added up in memory and reach the database only when flushed. */
class ActivityCounterTest {

    private static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0) Firefox/140.0";

    final List<Map<Long, Long>> writes = new ArrayList<>();
    final List<Map<Long, Long>> commentWrites = new ArrayList<>();
    boolean failing;

    final ActivityRepository repository = new ActivityRepository(null) {
        @Override
        void add(ActivityCounter.Counts counts, Instant hour) {
            if (failing) {
                throw new IllegalStateException("database down");
            }
            writes.add(sums(counts.views()));
            commentWrites.add(sums(counts.comments()));
        }
    };

    final ActivityCounter counter = new ActivityCounter(
            repository,
            Clock.fixed(Instant.parse("2026-12-02T10:15:00Z"), ZoneOffset.UTC),
            (name, interval, channel, drain) -> {},
            new DiscoveryProperties(
                    10, Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofDays(30)));

    @Test
    void aThousandReadingsMakeOneWriteWhenFlushed() {
        for (int i = 0; i < 1000; i++) {
            counter.countReading(7, BROWSER);
        }
        counter.countReading(8, BROWSER);
        assertThat(writes).isEmpty();

        counter.flush();

        assertThat(writes).containsExactly(Map.of(7L, 1000L, 8L, 1L));
        counter.flush();
        assertThat(writes).hasSize(1);
    }

    @Test
    void commentsAreCountedOnceTheirPostingCommitsAndFlushedWithReadings() {
        TransactionSynchronizationManager.initSynchronization();
        try {
            counter.on(posted(7));
            counter.on(posted(7));
            counter.flush();
            assertThat(writes).isEmpty();

            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        counter.countReading(8, BROWSER);
        counter.flush();

        assertThat(commentWrites).containsExactly(Map.of(7L, 2L));
        assertThat(writes).containsExactly(Map.of(8L, 1L));
    }

    @Test
    void botsAndProgramsAreNotCounted() {
        for (String agent : List.of(
                "Googlebot/2.1 (+http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                "facebookexternalhit/1.1",
                "curl/8.5.0",
                "python-requests/2.31",
                "Mozilla/5.0 (compatible; AhrefsBot/7.0)",
                "")) {
            counter.countReading(7, agent);
        }
        counter.countReading(7, null);
        counter.flush();

        assertThat(writes).isEmpty();
    }

    @Test
    void stoppingTheNodeFlushesWhatItCounted() {
        counter.start();
        counter.countReading(9, BROWSER);

        counter.stop();

        assertThat(writes).containsExactly(Map.of(9L, 1L));
    }

    @Test
    void countsAFailedFlushCouldNotWriteAreKeptForTheNext() {
        counter.countReading(3, BROWSER);
        failing = true;
        assertThatThrownBy(counter::flush).isInstanceOf(IllegalStateException.class);
        failing = false;
        counter.countReading(3, BROWSER);

        counter.flush();

        assertThat(writes).containsExactly(Map.of(3L, 2L));
    }

    @Test
    void madeUpArticleIdsCannotFillTheMemory() {
        for (long id = 0; id < ActivityCounter.MAX_ARTICLES + 500; id++) {
            counter.countReading(id, BROWSER);
        }
        counter.flush();

        assertThat(writes.getFirst()).hasSize(ActivityCounter.MAX_ARTICLES);
    }

    private static Map<Long, Long> sums(Map<Long, LongAdder> counted) {
        Map<Long, Long> sums = new HashMap<>();
        counted.forEach((id, n) -> sums.put(id, n.sum()));
        return sums;
    }

    private static CommentPosted posted(long articleId) {
        return new CommentPosted(1, articleId, "Headline", 2, null, null, null, Set.of(), "Text", Instant.EPOCH);
    }
}
