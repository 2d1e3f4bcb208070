package org.masthead.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.platform.ClusterMessages;
import org.masthead.platform.Workers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;

class ThreadWorkersTest {

    /** Cluster messages within this test: sending one calls its channel's handlers at once. */
    static final class LocalMessages implements ClusterMessages {

        final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();

        @Override
        public void send(String channel, String payload) {
            handlers.getOrDefault(channel, List.of()).forEach(handler -> handler.accept(payload));
        }

        @Override
        public void sendAfterCommit(String channel, String payload) {
            send(channel, payload);
        }

        @Override
        public void subscribe(String channel, Consumer<String> handler) {
            handlers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
        }
    }

    final LocalMessages cluster = new LocalMessages();
    final ThreadWorkers workers = new ThreadWorkers(cluster);
    final Duration hour = Duration.ofHours(1);

    @AfterEach
    void shutDown() {
        workers.stop();
    }

    void ready() {
        workers.start();
        announceReady();
    }

    void announceReady() {
        workers.onApplicationEvent(new ApplicationReadyEvent(
                new SpringApplication(), new String[0], new GenericApplicationContext(), Duration.ZERO));
    }

    @Test
    void nothingRunsBeforeTheApplicationIsReady() throws Exception {
        AtomicInteger turns = new AtomicInteger();
        workers.run("early", Duration.ofMillis(10), "early_work", () -> {
            turns.incrementAndGet();
            return false;
        });
        workers.start();
        cluster.send("early_work", "");
        Thread.sleep(200);
        assertThat(turns).as("turns taken during start-up").hasValue(0);

        announceReady();
        await().atMost(Duration.ofSeconds(5)).untilAtomic(turns, greaterThan(0));
    }

    @Test
    void aWorkerDrainsWhatWaitsWhenReadyAndWhenWokenByTheCluster() {
        AtomicInteger waiting = new AtomicInteger(3);
        AtomicInteger done = new AtomicInteger();
        workers.run("queue", hour, "queue_work", () -> {
            if (waiting.get() == 0) {
                return false;
            }
            waiting.decrementAndGet();
            done.incrementAndGet();
            return true;
        });
        ready();
        await().atMost(Duration.ofSeconds(5)).untilAtomic(done, equalTo(3));

        waiting.set(2);
        cluster.send("queue_work", "");
        await().atMost(Duration.ofSeconds(5))
                .alias("woken long before its hour-long poll interval")
                .untilAtomic(done, equalTo(5));
    }

    @Test
    void aWorkerWithoutAWakeUpChannelTakesATurnEveryPollInterval() {
        AtomicInteger turns = new AtomicInteger();
        workers.run("clock", Duration.ofMillis(20), null, () -> {
            turns.incrementAndGet();
            return false;
        });
        ready();
        await().atMost(Duration.ofSeconds(5)).untilAtomic(turns, greaterThanOrEqualTo(5));
    }

    @Test
    void aFailingTurnDoesNotEndTheWorker() {
        AtomicInteger turns = new AtomicInteger();
        workers.run("flaky", Duration.ofMillis(20), null, () -> {
            if (turns.incrementAndGet() == 1) {
                throw new IllegalStateException("the mail server is down");
            }
            return false;
        });
        ready();
        await().atMost(Duration.ofSeconds(5)).untilAtomic(turns, greaterThanOrEqualTo(3));
    }

    @Test
    void eachWorkerRunsOnADaemonPlatformThreadOfItsOwn() {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        Workers.Drain noteThread = () -> {
            threads.add(Thread.currentThread());
            return false;
        };
        workers.run("one", hour, null, noteThread);
        workers.run("two", hour, null, noteThread);
        ready();
        await().atMost(Duration.ofSeconds(5)).until(() -> threads.size() == 2);

        assertThat(threads).extracting(Thread::getName).containsExactlyInAnyOrder("worker-one", "worker-two");
        assertThat(threads).allSatisfy(thread -> {
            assertThat(thread.isVirtual()).isFalse();
            assertThat(thread.isDaemon()).isTrue();
        });
    }

    @Test
    void workersStoppedWithTheApplicationRunAgainWhenItStartsAgain() {
        AtomicInteger waiting = new AtomicInteger(1);
        AtomicInteger done = new AtomicInteger();
        workers.run("restarted", hour, "restarted_work", () -> {
            if (waiting.get() == 0) {
                return false;
            }
            waiting.decrementAndGet();
            done.incrementAndGet();
            return true;
        });
        ready();
        await().atMost(Duration.ofSeconds(5)).untilAtomic(done, equalTo(1));

        // As the test framework does with an application it keeps for later test classes.
        workers.stop();
        workers.start();
        waiting.set(1);
        cluster.send("restarted_work", "");

        await().atMost(Duration.ofSeconds(5)).untilAtomic(done, equalTo(2));
    }

    @Test
    void shutdownWaitsForThePieceInHandAndStartsNoMore() {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        workers.run("slow", hour, null, () -> {
            started.incrementAndGet();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
            return true;
        });
        ready();
        await().atMost(Duration.ofSeconds(5)).untilAtomic(started, equalTo(1));

        workers.stop();

        assertThat(finished.get()).as("pieces finished when stop returns").isEqualTo(started.get());
        assertThat(workers.isRunning()).isFalse();
        int afterStop = started.get();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(started)
                .hasValue(afterStop));
    }
}
