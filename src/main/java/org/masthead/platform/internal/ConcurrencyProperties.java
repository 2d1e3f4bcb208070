package org.masthead.platform.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much this node works on at once, so that a burst queues instead of collapsing it.
 *
 * @param requests requests worked on at once (see {@link AdmissionFilter}); the rest wait their turn,
 *     first come first served
 * @param requestWait how long a request waits for its turn before it is answered 503 with {@code
 *     Retry-After}
 * @param listeners listeners of application events running at once (see {@link ThreadsConfiguration})
 */
@ConfigurationProperties("masthead.concurrency")
record ConcurrencyProperties(
        @DefaultValue("40") int requests, @DefaultValue("10s") Duration requestWait, @DefaultValue("8") int listeners) {

    ConcurrencyProperties {
        if (requests < 1 || listeners < 1) {
            throw new IllegalArgumentException(
                    "masthead.concurrency.requests and masthead.concurrency.listeners must be at least 1");
        }
        if (requestWait.isNegative()) {
            throw new IllegalArgumentException("masthead.concurrency.request-wait must not be negative");
        }
    }
}
