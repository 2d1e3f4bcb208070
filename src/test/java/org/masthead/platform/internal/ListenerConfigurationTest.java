package org.masthead.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

class ListenerConfigurationTest {

    @Test
    void listenersBeyondTheBoundWaitTheirTurnWithoutHoldingUpWhoeverPublished() throws Exception {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor();
        executor.setVirtualThreads(true);
        new ListenerConfiguration()
                .boundedListeners(new ConcurrencyProperties(40, Duration.ofSeconds(10), 2))
                .customize(executor);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch finish = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(5);

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
        Thread.sleep(200);
        assertThat(running.get()).as("the first two run while the rest wait").isEqualTo(2);

        finish.countDown();
        assertThat(finished.await(5, TimeUnit.SECONDS))
                .as("every listener runs in the end")
                .isTrue();
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }
}
