package org.masthead.newsroom.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who else has an article open in the editor, so that two people do not write over each other
 * unawares. An open editor page says so every {@link #HEARTBEAT}; someone not heard from for
 * {@link #GONE_AFTER} has closed it (or lost their connection).
 */
@Service
public class Presence {

    public static final Duration HEARTBEAT = Duration.ofSeconds(20);
    static final Duration GONE_AFTER = HEARTBEAT.multipliedBy(3);

    /** Someone else with the article open, and since when. */
    public record Here(String name, Instant since) {}

    private final JdbcClient db;
    private final Clock clock;

    Presence(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Notes that this person has the article open now, and says who else has. */
    @Transactional
    public List<Here> open(Staff staff, long articleId) {
        Instant now = clock.instant();
        db.sql(
                        """
                INSERT INTO article_presence (article_id, account_id, staff_name, opened_at, seen_at)
                VALUES (:article, :account, :name, :now, :now)
                ON CONFLICT (article_id, account_id) DO UPDATE SET
                    staff_name = EXCLUDED.staff_name,
                    opened_at = CASE WHEN article_presence.seen_at < :gone THEN EXCLUDED.opened_at
                                     ELSE article_presence.opened_at END,
                    seen_at = EXCLUDED.seen_at""")
                .param("article", articleId)
                .param("account", staff.accountId())
                .param("name", staff.name())
                .param("now", Timestamp.from(now))
                .param("gone", Timestamp.from(now.minus(GONE_AFTER)))
                .update();
        // Old rows are of no use to anyone: whoever notes their presence clears a few.
        db.sql(
                        """
                DELETE FROM article_presence WHERE ctid IN (
                    SELECT ctid FROM article_presence WHERE seen_at < :stale LIMIT 100)""")
                .param("stale", Timestamp.from(now.minus(Duration.ofHours(1))))
                .update();
        return db.sql(
                        """
                SELECT staff_name, opened_at FROM article_presence
                WHERE article_id = :article AND account_id <> :account AND seen_at >= :gone
                ORDER BY opened_at""")
                .param("article", articleId)
                .param("account", staff.accountId())
                .param("gone", Timestamp.from(now.minus(GONE_AFTER)))
                .query((rs, n) -> new Here(
                        rs.getString("staff_name"), rs.getTimestamp("opened_at").toInstant()))
                .list();
    }
}
