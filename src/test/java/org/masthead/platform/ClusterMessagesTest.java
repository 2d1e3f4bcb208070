package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Messages between nodes sent after a commit: only for what committed, and none lost in a burst. */
@MastheadTest
class ClusterMessagesTest {

    @Autowired
    ClusterMessages cluster;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aMessageSentAfterCommitArrivesOnlyOnceItsTransactionHasCommitted() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        cluster.subscribe("test_after_commit", heard::add);
        // The listener subscribes on its own connection; a first message shows it has.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            cluster.sendAfterCommit("test_after_commit", "ready");
            assertThat(heard).contains("ready");
        });

        transactions.executeWithoutResult(status -> {
            cluster.sendAfterCommit("test_after_commit", "rolled back");
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> {
            cluster.sendAfterCommit("test_after_commit", "committed");
            sleep(300);
            assertThat(heard).as("nothing is sent before the commit").doesNotContain("committed");
        });

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(heard).contains("committed"));
        cluster.sendAfterCommit("test_after_commit", "last");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(heard).contains("last"));
        assertThat(heard).doesNotContain("rolled back");
    }

    @Test
    void aBurstOfMessagesFromManyTransactionsAllArrive() {
        Set<String> heard = ConcurrentHashMap.newKeySet();
        cluster.subscribe("test_burst", heard::add);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            cluster.sendAfterCommit("test_burst", "ready");
            assertThat(heard).contains("ready");
        });

        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            IntStream.range(0, 2000)
                    .forEach(i -> senders.submit(() -> transactions.executeWithoutResult(
                            status -> cluster.sendAfterCommit("test_burst", "message " + i))));
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(heard).hasSize(2001));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
