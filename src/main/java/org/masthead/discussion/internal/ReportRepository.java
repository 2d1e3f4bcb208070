package org.masthead.discussion.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Readers' reports of comments, in SQL, for moderators to work through. */
@Repository
class ReportRepository {

    private final JdbcClient db;

    ReportRepository(JdbcClient db) {
        this.db = db;
    }

    /** A report the reader made: for their "download my data" file. */
    record Report(long commentId, long articleId, String reason, String detail, Instant reportedAt) {}

    /** Every report the reader made, the latest first. */
    List<Report> allBy(long reporterId) {
        return db.sql(
                        """
                        SELECT r.comment_id, c.article_id, r.reason, r.detail, r.reported_at FROM comment_report r
                        JOIN comment c ON c.id = r.comment_id WHERE r.reporter_id = :reporter
                        ORDER BY r.reported_at DESC, r.comment_id DESC""")
                .param("reporter", reporterId)
                .query((rs, n) -> new Report(
                        rs.getLong("comment_id"),
                        rs.getLong("article_id"),
                        rs.getString("reason"),
                        rs.getString("detail"),
                        rs.getTimestamp("reported_at").toInstant()))
                .list();
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
