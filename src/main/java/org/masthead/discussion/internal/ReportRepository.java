package org.masthead.discussion.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Readers' reports of comments, in SQL, for moderators to work through. */
@Repository
class ReportRepository {

    private final JdbcClient db;

    ReportRepository(JdbcClient db) {
        this.db = db;
    }

    /** Records the report; false when the reader had already reported the comment. */
    boolean report(long commentId, long reporterId, String reason, String detail, Instant now) {
        return db.sql(
                                """
                        INSERT INTO comment_report (comment_id, reporter_id, reason, detail, reported_at)
                        VALUES (:comment, :reporter, :reason, :detail, :now) ON CONFLICT DO NOTHING""")
                        .param("comment", commentId)
                        .param("reporter", reporterId)
                        .param("reason", reason)
                        .param("detail", detail)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** How many different readers have reported the comment. */
    int reporters(long commentId) {
        return db.sql("SELECT count(*) FROM comment_report WHERE comment_id = :comment")
                .param("comment", commentId)
                .query(Integer.class)
                .single();
    }
}
