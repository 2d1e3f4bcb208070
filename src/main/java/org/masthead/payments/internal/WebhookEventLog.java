package org.masthead.payments.internal;

import org.masthead.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment_webhook_event} table: which provider events have been processed. */
@Repository
class WebhookEventLog {

    private final JdbcClient db;

    WebhookEventLog(JdbcClient db) {
        this.db = db;
    }

    /**
     * Records the event as processed, in the caller's transaction. Returns false if it already was.
     * A second delivery of an event being processed right now waits here for the first to finish, then
     * finds it recorded (or, if the first failed and rolled back, records and processes it itself).
     */
    boolean recordFirstSight(ProviderEvent event) {
        return db.sql(
                                """
                        INSERT INTO payment_webhook_event (provider, event_id, type, created_at, outcome)
                        VALUES (:provider, :id, :type, :created, 'APPLIED')
                        ON CONFLICT DO NOTHING""")
                        .param("provider", event.provider())
                        .param("id", event.id())
                        .param("type", event.type())
                        .param("created", Sql.timestamp(event.created()))
                        .update()
                == 1;
    }

    void markOutcome(ProviderEvent event, String outcome) {
        db.sql("UPDATE payment_webhook_event SET outcome = :outcome WHERE provider = :provider AND event_id = :id")
                .param("outcome", outcome)
                .param("provider", event.provider())
                .param("id", event.id())
                .update();
    }
}
