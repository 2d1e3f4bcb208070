package org.masthead.platform.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much this node works on at once, so that a burst queues instead of collapsing it.
 *
 * @param requests requests worked on at once (see {@link AdmissionFilter}); the rest wait their turn,
 *     first come first served. Unset, {@value #REQUESTS_PER_CPU} for each CPU the JVM may use: a few
 *     more than the CPUs, so that one waiting on the database or a remote service leaves the CPUs busy,
 *     but not so many that they share them thinly. Measured on 2 CPUs with the article page rendered for
 *     every request, 40 at once served fewer pages than 8 or 12, each at more CPU, and the JIT, whose
 *     compiler threads share the CPUs with every running request, took minutes longer to warm up.
 * @param requestWait how long a request waits for its turn before it is answered 503 with {@code
 *     Retry-After}
 * @param listeners listeners of application events running at once (see {@link ThreadsConfiguration})
 */
@ConfigurationProperties("masthead.concurrency")
record ConcurrencyProperties(
        @Nullable Integer requests, @DefaultValue("10s") Duration requestWait, @DefaultValue("8") int listeners) {

    static final int REQUESTS_PER_CPU = 6;

    ConcurrencyProperties {
        if (requests == null) {
            requests = REQUESTS_PER_CPU * Runtime.getRuntime().availableProcessors();
        }
        if (requests < 1 || listeners < 1) {
            throw new IllegalArgumentException(
                    "masthead.concurrency.requests and masthead.concurrency.listeners must be at least 1");
        }
        if (requestWait.isNegative()) {
            throw new IllegalArgumentException("masthead.concurrency.request-wait must not be negative");
        }
    }
}
