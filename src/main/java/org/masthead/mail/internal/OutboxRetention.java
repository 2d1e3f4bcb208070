package org.masthead.mail.internal;

import java.time.Clock;
import org.masthead.mail.MailProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes finished mail once it is older than the retention period. Every node may run it; a
 * DELETE is harmless when another node got there first.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final OutboxRepository outbox;
    private final MailProperties properties;
    private final Clock clock;

    OutboxRetention(OutboxRepository outbox, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void purge() {
        int deleted = purgeNow();
        if (deleted > 0) {
            log.info("Deleted {} mail messages older than {}", deleted, properties.retention());
        }
    }

    int purgeNow() {
        return outbox.deleteFinishedBefore(clock.instant().minus(properties.retention()));
    }
}
