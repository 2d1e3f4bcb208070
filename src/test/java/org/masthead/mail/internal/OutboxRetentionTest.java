package org.masthead.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.masthead.mail.LocalMailTest;
import org.masthead.mail.Mail;
import org.masthead.mail.Mailer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Mail carries single-use links; once old and finished it is deleted, never while still owed. */
@LocalMailTest
class OutboxRetentionTest {

    @Autowired
    Mailer mailer;

    @Autowired
    OutboxRetention retention;

    @Autowired
    JdbcClient db;

    /**
     * Sends a message and waits until the sender is done with it, so that what the test then makes of
     * its history is not overwritten by the sender finishing late.
     */
    private long mail(String to) {
        long id = mailer.send(new Mail(to, "A link", "Text", "<p>HTML</p>", Mail.Kind.TRANSACTIONAL, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> db.sql(
                        "SELECT sent_at IS NOT NULL OR failed_at IS NOT NULL FROM mail_outbox WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single());
        return id;
    }

    /** Makes the message sent (or failed) this long ago. */
    private void finished(long id, boolean sent, String age) {
        db.sql(
                        """
                        UPDATE mail_outbox SET next_attempt_at = NULL,
                            sent_at = CASE WHEN :sent THEN now() - CAST(:age AS interval) END,
                            failed_at = CASE WHEN :sent THEN NULL ELSE now() - CAST(:age AS interval) END
                        WHERE id = :id""")
                .param("sent", sent)
                .param("age", age)
                .param("id", id)
                .update();
    }

    private boolean exists(long id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM mail_outbox WHERE id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    @Test
    void finishedMailOlderThanTheRetentionPeriodIsDeletedAndNothingElse() {
        long oldSent = mail("old-sent@example.com");
        long oldFailed = mail("old-failed@example.com");
        long recentSent = mail("recent@example.com");
        long stillOwed = mail("owed@example.com");
        finished(oldSent, true, "31 days");
        finished(oldFailed, false, "45 days");
        finished(recentSent, true, "2 days");
        db.sql(
                        """
                        UPDATE mail_outbox SET sent_at = NULL, failed_at = NULL,
                            next_attempt_at = now() + interval '1 hour', created_at = now() - interval '60 days'
                        WHERE id = :id""")
                .param("id", stillOwed)
                .update();

        retention.purgeNow();

        assertThat(exists(oldSent)).isFalse();
        assertThat(exists(oldFailed)).isFalse();
        assertThat(exists(recentSent)).isTrue();
        assertThat(exists(stillOwed)).isTrue();
    }
}
