package org.masthead.moderation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The moderation audit log ({@code moderation_decision}): who decided what, about what, when and why. */
@Repository
class AuditLog {

    /**
     * What a decision was about: a comment, or (for an appeal against one) a sanction, and the appeal.
     */
    record Subject(@Nullable Long commentId, @Nullable Long sanctionId, @Nullable Long appealId) {

        static Subject comment(long commentId) {
            return new Subject(commentId, null, null);
        }
    }

    private final JdbcClient db;
    private final Clock clock;

    AuditLog(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** @return the decision's id, by which its author may appeal it */
    long record(Subject subject, long moderatorId, String action, String reason, String note) {
        return db.sql(
                        """
                        INSERT INTO moderation_decision (comment_id, sanction_id, appeal_id, moderator_id, action, reason,
                                                         note, decided_at)
                        VALUES (:comment, :sanction, :appeal, :moderator, :action, :reason, :note, :at) RETURNING id""")
                .param("comment", subject.commentId())
                .param("sanction", subject.sanctionId())
                .param("appeal", subject.appealId())
                .param("moderator", moderatorId)
                .param("action", action)
                .param("reason", reason)
                .param("note", note)
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }
}
