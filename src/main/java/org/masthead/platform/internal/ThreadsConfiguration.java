package org.masthead.platform.internal;

import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the work that is not a request gets its threads: listeners of application events and scheduled
 * jobs. All of them are platform threads, as Jetty's request threads are ({@code
 * spring.threads.virtual.enabled=false}).
 *
 * <p>Why not virtual threads: a virtual thread that loads a class (which the JVM does lazily, the first
 * time a class is used) is pinned to its carrier thread for as long as the loading takes, even while it
 * waits for a lock, such as the one guarding the jar the class is read from. If the thread holding that
 * lock is itself a virtual thread, it needs a carrier to go on and release it; once every carrier (one
 * per core) is pinned by such a wait, it never gets one, and the node stops answering for good. A node
 * starting under traffic loads classes on many threads at once, and fresh starts on 2 cores hung this
 * way. A platform thread never waits for a carrier, so whoever holds a lock always gets to release it.
 * See docs/start-up.md.
 */
@Configuration(proxyBeanMethods = false)
class ThreadsConfiguration {

    /**
     * Bounds how many listeners of application events run at once on this node (each module's {@code
     * ApplicationModuleListener}, which runs on the application's executor after the publishing
     * transaction commits). Each takes pooled database connections three times: unbounded, a burst of
     * comments would start as many listeners as comments and leave readers' requests waiting for a
     * connection. The pool's queue has no bound, so whoever publishes an event never waits; the event
     * waits its turn.
     */
    @Bean
    ThreadPoolTaskExecutorCustomizer boundedListeners(ConcurrencyProperties properties) {
        return executor -> {
            executor.setCorePoolSize(properties.listeners());
            executor.setMaxPoolSize(properties.listeners());
        };
    }

    /**
     * Periodic jobs (the mail outbox, the sandbox's events, the live connections' heartbeat, clean-ups)
     * share a few threads, so that one held up by a slow mail server does not hold up the heartbeat that
     * keeps readers' live connections open. A job never overlaps itself.
     */
    @Bean
    ThreadPoolTaskSchedulerCustomizer periodicJobs() {
        return scheduler -> scheduler.setPoolSize(4);
    }
}
