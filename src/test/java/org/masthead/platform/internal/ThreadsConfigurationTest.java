package org.masthead.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

class ThreadsConfigurationTest {

    @Test
    void listenersBeyondTheBoundWaitTheirTurnWithoutHoldingUpWhoeverPublished() throws Exception {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        new ThreadsConfiguration()
                .boundedListeners(new ConcurrencyProperties(40, Duration.ofSeconds(10), 2))
                .customize(executor);
        executor.initialize();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch finish = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(5);

        try {
            long publishing = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                executor.execute(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        finish.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        running.decrementAndGet();
                        finished.countDown();
                    }
                });
            }
            assertThat(Duration.ofNanos(System.nanoTime() - publishing))
                    .as("whoever published does not wait")
                    .isLessThan(Duration.ofSeconds(1));
            Thread.sleep(200);
            assertThat(running.get())
                    .as("the first two run while the rest wait")
                    .isEqualTo(2);

            finish.countDown();
            assertThat(finished.await(5, TimeUnit.SECONDS))
                    .as("every listener runs in the end")
                    .isTrue();
            assertThat(mostAtOnce.get()).isEqualTo(2);
        } finally {
            executor.shutdown();
        }
    }
}
