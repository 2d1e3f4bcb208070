package org.masthead.moderation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.masthead.discussion.CommentSubmission;
import org.masthead.discussion.CommentVerdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Why each comment was published or held, in SQL. */
@Repository
class Screenings {

    /** What screening decided about one comment. */
    record Screening(
            long commentId, String outcome, String step, String reason, java.util.List<String> notes, Instant at) {}

    private final JdbcClient db;
    private final Clock clock;

    Screenings(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void record(long commentId, CommentSubmission comment, CommentVerdict verdict) {
        db.sql(
                        """
                        INSERT INTO moderation_screening (comment_id, article_id, author_id, outcome, step, reason, notes,
                                                          also_held_by, text_hash, screened_at)
                        VALUES (:comment, :article, :author, :outcome, :step, :reason, :notes, :alsoHeldBy, :hash, :at)
                        ON CONFLICT (comment_id) DO UPDATE SET outcome = excluded.outcome, step = excluded.step,
                            reason = excluded.reason, notes = excluded.notes, also_held_by = excluded.also_held_by,
                            text_hash = excluded.text_hash,
                            screened_at = excluded.screened_at, decided_by = NULL, decided_at = NULL""")
                .param("comment", commentId)
                .param("article", comment.articleId())
                .param("author", comment.authorId())
                .param("outcome", verdict.held() ? "hold" : "publish")
                .param("step", verdict.step())
                .param("reason", verdict.reason())
                .param("notes", verdict.notes().toArray(String[]::new))
                .param("alsoHeldBy", verdict.alsoHeldBy().toArray(String[]::new))
                .param("hash", hash(comment.body()))
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** A reader reported the comment: it waits for a moderator's look, from its first report since the last decision. */
    void reported(long commentId, Instant at) {
        db.sql("UPDATE moderation_screening SET reported_at = coalesce(reported_at, :at) WHERE comment_id = :comment")
                .param("comment", commentId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The comment was held because readers reported it: that is now why it waits. */
    void heldOnReports(long commentId, int reporters) {
        db.sql(
                        """
                        UPDATE moderation_screening SET outcome = 'hold', step = 'reports', reason = :reason,
                            screened_at = :at, decided_by = NULL, decided_at = NULL WHERE comment_id = :comment""")
                .param("comment", commentId)
                .param("reason", "Reported by " + reporters + " readers")
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** Whether the author posted this same text (as a skeleton) since then, in another comment. */
    boolean repeated(CommentSubmission comment, Instant since) {
        return db.sql(
                        """
                        SELECT EXISTS (SELECT 1 FROM moderation_screening WHERE author_id = :author AND text_hash = :hash
                                       AND screened_at >= :since AND comment_id <> :comment)""")
                .param("author", comment.authorId())
                .param("hash", hash(comment.body()))
                .param("since", Timestamp.from(since))
                .param("comment", comment.commentId() == null ? -1L : comment.commentId())
                .query(Boolean.class)
                .single();
    }

    Optional<Screening> of(long commentId) {
        return db.sql("SELECT comment_id, outcome, step, reason, notes, screened_at FROM moderation_screening"
                        + " WHERE comment_id = :comment")
                .param("comment", commentId)
                .query((rs, n) -> new Screening(
                        rs.getLong("comment_id"),
                        rs.getString("outcome"),
                        rs.getString("step"),
                        rs.getString("reason"),
                        java.util.List.of((String[]) rs.getArray("notes").getArray()),
                        rs.getTimestamp("screened_at").toInstant()))
                .optional();
    }

    /** The same text, whatever its case, accents, spacing or punctuation, hashes the same. */
    static byte[] hash(String text) {
        String skeleton = Normaliser.words(text).piecesLine().strip();
        try {
            return MessageDigest.getInstance("SHA-256").digest(skeleton.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
