package org.masthead.mail.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.masthead.mail.Mail;
import org.masthead.mail.MailboxMessage;
import org.masthead.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_outbox} table: messages in, claims and their results, and reading it back. */
@Repository
public class OutboxRepository {

    private static final String SELECT_MESSAGES =
            """
            SELECT id, to_address, subject, text_body, html_body, kind, unsubscribe_url, created_at, attempts,
                   next_attempt_at, sent_at, failed_at, last_error
            FROM mail_outbox
            """;

    private final JdbcClient db;

    OutboxRepository(JdbcClient db) {
        this.db = db;
    }

    /** Adds a message, due at once, in the caller's transaction if there is one. */
    public long add(Mail mail) {
        return db.sql(
                        """
                        INSERT INTO mail_outbox (to_address, subject, text_body, html_body, kind, unsubscribe_url)
                        VALUES (:to, :subject, :text, :html, :kind, :unsubscribeUrl) RETURNING id""")
                .param("to", mail.to())
                .param("subject", mail.subject())
                .param("text", mail.text())
                .param("html", mail.html())
                .param("kind", mail.kind().name())
                .param("unsubscribeUrl", mail.unsubscribeUrl())
                .query(Long.class)
                .single();
    }

    /**
     * Claims the message that has been due longest, if any: counts an attempt and leases it to the caller
     * until {@code lease} from now, when another sender may claim it again. One statement, so one short
     * transaction of its own; SKIP LOCKED lets senders on other nodes claim other messages meanwhile
     * instead of waiting for this one.
     */
    Optional<ClaimedMail> claimNext(Duration lease) {
        return db.sql(
                        """
                        UPDATE mail_outbox
                        SET attempts = attempts + 1, next_attempt_at = now() + :lease * interval '1 millisecond'
                        WHERE id = (SELECT id FROM mail_outbox
                                    WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
                                    ORDER BY next_attempt_at
                                    LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, attempts, to_address, subject, text_body, html_body, kind, unsubscribe_url""")
                .param("lease", lease.toMillis())
                .query((rs, n) -> new ClaimedMail(rs.getLong("id"), rs.getInt("attempts"), mail(rs)))
                .optional();
    }

    /** Records that the message was sent, whoever holds its lease now: it must not be sent again. */
    void markSent(long id) {
        db.sql(
                        """
                        UPDATE mail_outbox SET sent_at = now(), failed_at = NULL, next_attempt_at = NULL
                        WHERE id = :id""")
                .param("id", id)
                .update();
    }

    /** Records a failed attempt, unless a later attempt has claimed the message since. */
    void markForRetry(ClaimedMail claimed, Duration delay, String error) {
        db.sql(
                        """
                        UPDATE mail_outbox
                        SET next_attempt_at = now() + :delay * interval '1 millisecond', last_error = :error
                        WHERE id = :id AND attempts = :attempt AND sent_at IS NULL AND failed_at IS NULL""")
                .param("id", claimed.id())
                .param("attempt", claimed.attempt())
                .param("delay", delay.toMillis())
                .param("error", error)
                .update();
    }

    /** Gives the message up, unless a later attempt has claimed it since. */
    void markFailed(ClaimedMail claimed, String error) {
        db.sql(
                        """
                        UPDATE mail_outbox SET failed_at = now(), next_attempt_at = NULL, last_error = :error
                        WHERE id = :id AND attempts = :attempt AND sent_at IS NULL AND failed_at IS NULL""")
                .param("id", claimed.id())
                .param("attempt", claimed.attempt())
                .param("error", error)
                .update();
    }

    public List<MailboxMessage> latest(long beforeId, int limit) {
        return db.sql(SELECT_MESSAGES + "WHERE id < :before ORDER BY id DESC LIMIT :limit")
                .param("before", beforeId)
                .param("limit", limit)
                .query((rs, n) -> message(rs))
                .list();
    }

    public List<MailboxMessage> latestTo(String address, long beforeId, int limit) {
        return db.sql(SELECT_MESSAGES
                        + "WHERE lower(to_address) = lower(:to) AND id < :before ORDER BY id DESC LIMIT :limit")
                .param("to", address)
                .param("before", beforeId)
                .param("limit", limit)
                .query((rs, n) -> message(rs))
                .list();
    }

    public Optional<MailboxMessage> message(long id) {
        return db.sql(SELECT_MESSAGES + "WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> message(rs))
                .optional();
    }

    private static MailboxMessage message(ResultSet rs) throws SQLException {
        Instant sentAt = Sql.instant(rs, "sent_at");
        Instant failedAt = Sql.instant(rs, "failed_at");
        MailboxMessage.Status status = sentAt != null
                ? MailboxMessage.Status.SENT
                : failedAt != null ? MailboxMessage.Status.FAILED : MailboxMessage.Status.PENDING;
        return new MailboxMessage(
                rs.getLong("id"),
                mail(rs),
                status,
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                Sql.instant(rs, "next_attempt_at"),
                sentAt,
                failedAt);
    }

    private static Mail mail(ResultSet rs) throws SQLException {
        return new Mail(
                rs.getString("to_address"),
                rs.getString("subject"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                Mail.Kind.valueOf(rs.getString("kind")),
                rs.getString("unsubscribe_url"));
    }

    /** Deletes messages sent or given up before the given time; pending ones are never touched. */
    public int deleteFinishedBefore(java.time.Instant before) {
        return db.sql(
                        """
                        DELETE FROM mail_outbox
                        WHERE (sent_at IS NOT NULL AND sent_at < :before) OR (failed_at IS NOT NULL AND failed_at < :before)""")
                .param("before", java.sql.Timestamp.from(before))
                .update();
    }
}
