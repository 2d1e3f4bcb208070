package org.masthead.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A node told to stop (SIGTERM) first says so on {@code /actuator/health} (readiness {@code REFUSING_TRAFFIC},
 * so {@code OUT_OF_SERVICE}, 503) and keeps serving for {@code masthead.shutdown.drain}; only then does the
 * web server's graceful shutdown close the port and finish the requests in flight. Without the wait, the
 * load balancer keeps sending readers to the closed port until its probe notices, and they get errors.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ShutdownProperties properties;
    private final ApplicationEventPublisher events;
    private volatile boolean running;

    ShutdownDrain(ShutdownProperties properties, ApplicationEventPublisher events) {
        this.properties = properties;
        this.events = events;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (properties.drain().isZero()) {
            return;
        }
        // Spring publishes this as the context starts closing already; said again so the wait never comes first.
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        log.info(
                "Stopping: health says OUT_OF_SERVICE; serving for {} more (masthead.shutdown.drain) while the load"
                        + " balancer moves readers to the other nodes",
                properties.drain());
        try {
            Thread.sleep(properties.drain());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before everything else, the web server's graceful shutdown above all. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
