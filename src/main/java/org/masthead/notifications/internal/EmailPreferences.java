package org.masthead.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.masthead.notifications.NotificationsProperties;
import org.masthead.platform.SiteProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each reader's choice of notification e-mail, and when their daily digest is next due. */
@Service
public class EmailPreferences {

    /** Whether commenting follows the conversation for a reader who never chose. */
    static final boolean FOLLOW_CONVERSATIONS_BY_DEFAULT = true;

    private final JdbcClient db;
    private final NotificationRepository notifications;
    private final NotificationsProperties properties;
    private final SiteProperties site;
    private final Clock clock;

    EmailPreferences(
            JdbcClient db,
            NotificationRepository notifications,
            NotificationsProperties properties,
            SiteProperties site,
            Clock clock) {
        this.db = db;
        this.notifications = notifications;
        this.properties = properties;
        this.site = site;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public EmailChoice choiceOf(long accountId) {
        return db.sql("SELECT email FROM notification_preference WHERE account_id = :account")
                .param("account", accountId)
                .query(String.class)
                .optional()
                .map(EmailChoice::ofStored)
                .orElse(EmailChoice.INSTANT);
    }

    /** Each reader's choice, as {@link #choiceOf(long)} gives it, in one query. */
    Map<Long, EmailChoice> choicesOf(Collection<Long> accountIds) {
        Map<Long, EmailChoice> choices = new HashMap<>();
        accountIds.forEach(id -> choices.put(id, EmailChoice.INSTANT));
        if (!accountIds.isEmpty()) {
            db.sql("SELECT account_id, email FROM notification_preference WHERE account_id IN (:accounts)")
                    .param("accounts", accountIds)
                    .query((rs, n) -> Map.entry(rs.getLong(1), EmailChoice.ofStored(rs.getString(2))))
                    .list()
                    .forEach(choice -> choices.put(choice.getKey(), choice.getValue()));
        }
        return choices;
    }

    /**
     * Stores the reader's choice. Choosing the digest schedules the next one (keeping one already
     * scheduled), and what waited for a batch mail waits for the digest; leaving it drops what was
     * waiting for it, as the reader no longer wants it mailed; turning mail off drops all that waits.
     */
    @Transactional
    public void choose(long accountId, EmailChoice choice) {
        Instant now = clock.instant();
        db.sql(
                        """
                        INSERT INTO notification_preference (account_id, email, next_digest_at, updated_at)
                        VALUES (:account, :email, :next, :now)
                        ON CONFLICT (account_id) DO UPDATE
                        SET email = excluded.email, updated_at = excluded.updated_at,
                            next_digest_at = CASE WHEN excluded.email <> 'digest' THEN NULL
                                                  ELSE coalesce(notification_preference.next_digest_at,
                                                                excluded.next_digest_at) END""")
                .param("account", accountId)
                .param("email", choice.stored())
                .param(
                        "next",
                        choice == EmailChoice.DIGEST ? Timestamp.from(nextDigestAfter(now)) : null,
                        java.sql.Types.TIMESTAMP)
                .param("now", Timestamp.from(now))
                .update();
        if (choice != EmailChoice.DIGEST) {
            notifications.cancelDigest(accountId);
        }
        switch (choice) {
            case DIGEST -> notifications.moveBatchTo(accountId, MailState.DIGEST);
            case OFF -> notifications.moveBatchTo(accountId, MailState.NONE);
            case INSTANT -> {
                // What waits for a batch mail still goes in it.
            }
        }
    }

    /** Whether commenting under an article follows its conversation: yes unless the reader said no. */
    @Transactional(readOnly = true)
    public boolean followsConversationsOnComment(long accountId) {
        return db.sql("SELECT follow_conversations FROM notification_preference WHERE account_id = :account")
                .param("account", accountId)
                .query(Boolean.class)
                .optional()
                .orElse(FOLLOW_CONVERSATIONS_BY_DEFAULT);
    }

    @Transactional
    public void chooseFollowingConversationsOnComment(long accountId, boolean follow) {
        db.sql(
                        """
                        INSERT INTO notification_preference (account_id, email, updated_at, follow_conversations)
                        VALUES (:account, 'instant', :now, :follow)
                        ON CONFLICT (account_id) DO UPDATE
                        SET follow_conversations = excluded.follow_conversations, updated_at = excluded.updated_at""")
                .param("account", accountId)
                .param("now", Timestamp.from(clock.instant()))
                .param("follow", follow)
                .update();
    }

    /**
     * Claims one reader whose digest is due, locking their row until the caller's transaction ends, so
     * that however many nodes run the digest job, each digest is sent once.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    Optional<Long> claimDueDigest(Instant now) {
        return db.sql(
                        """
                        SELECT account_id FROM notification_preference
                        WHERE next_digest_at <= :now ORDER BY next_digest_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    void digestDone(long accountId, Instant now) {
        db.sql(
                        """
                        UPDATE notification_preference SET last_digest_at = :now, next_digest_at = :next
                        WHERE account_id = :account""")
                .param("now", Timestamp.from(now))
                .param("next", Timestamp.from(nextDigestAfter(now)))
                .param("account", accountId)
                .update();
    }

    @Transactional
    void forget(long accountId) {
        db.sql("DELETE FROM notification_preference WHERE account_id = :account")
                .param("account", accountId)
                .update();
    }

    /** The next digest time strictly after this instant, at the configured time of day in the site's zone. */
    Instant nextDigestAfter(Instant instant) {
        LocalDate day = instant.atZone(site.timeZone()).toLocalDate();
        ZonedDateTime candidate = ZonedDateTime.of(day, properties.digestAt(), site.timeZone());
        if (!candidate.toInstant().isAfter(instant)) {
            candidate = ZonedDateTime.of(day.plusDays(1), properties.digestAt(), site.timeZone());
        }
        return candidate.toInstant();
    }
}
