package org.masthead.notifications.internal;

import java.time.Clock;
import org.masthead.notifications.NotificationsProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes live events older than {@code masthead.notifications.live-retention}: pages away longer
 * than that are not sent what they missed. Every node may run it; a DELETE that another node beat is
 * harmless.
 */
@Component
class LiveEventRetention {

    private final LiveEvents events;
    private final NotificationsProperties properties;
    private final Clock clock;

    LiveEventRetention(LiveEvents events, NotificationsProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void prune() {
        events.deleteBefore(clock.instant().minus(properties.liveRetention()));
    }
}
