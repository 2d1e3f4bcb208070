package org.masthead.platform.internal;

import java.util.concurrent.Semaphore;
import org.springframework.boot.task.SimpleAsyncTaskExecutorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds how many listeners of application events run at once on this node (each module's {@code
 * ApplicationModuleListener}, which runs on the application's executor after the publishing
 * transaction commits). Each takes pooled database connections three times: unbounded, a burst of
 * comments would start as many listeners as comments and leave readers' requests waiting for a
 * connection. The executor still hands each event a virtual thread at once, so that whoever published
 * it never waits; the thread waits its turn.
 */
@Configuration(proxyBeanMethods = false)
class ListenerConfiguration {

    @Bean
    SimpleAsyncTaskExecutorCustomizer boundedListeners(ConcurrencyProperties properties) {
        Semaphore turns = new Semaphore(properties.listeners(), true);
        return executor -> executor.setTaskDecorator(task -> () -> {
            turns.acquireUninterruptibly();
            try {
                task.run();
            } finally {
                turns.release();
            }
        });
    }
}
