package org.masthead.discussion.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Readers' recommendations of comments, in SQL. Each comment's count is kept on the comment. */
@Repository
class RecommendationRepository {

    private final JdbcClient db;

    RecommendationRepository(JdbcClient db) {
        this.db = db;
    }

    /** A comment the reader recommends, and since when: for their "download my data" file. */
    record Recommendation(long commentId, long articleId, Instant recommendedAt) {}

    /** Every comment the reader recommends, the latest first. */
    List<Recommendation> allBy(long accountId) {
        return db.sql(
                        """
                        SELECT r.comment_id, c.article_id, r.recommended_at FROM comment_recommendation r
                        JOIN comment c ON c.id = r.comment_id WHERE r.account_id = :account
                        ORDER BY r.recommended_at DESC, r.comment_id DESC""")
                .param("account", accountId)
                .query((rs, n) -> new Recommendation(
                        rs.getLong("comment_id"),
                        rs.getLong("article_id"),
                        rs.getTimestamp("recommended_at").toInstant()))
                .list();
    }

    /** Records the recommendation; false when the reader had already made it. */
    boolean recommend(long commentId, long accountId, Instant now) {
        return db.sql(
                                """
                        INSERT INTO comment_recommendation (comment_id, account_id, recommended_at)
                        VALUES (:comment, :account, :now) ON CONFLICT DO NOTHING""")
                        .param("comment", commentId)
                        .param("account", accountId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean withdrawRecommendation(long commentId, long accountId) {
        return db.sql("DELETE FROM comment_recommendation WHERE comment_id = :comment AND account_id = :account")
                        .param("comment", commentId)
                        .param("account", accountId)
                        .update()
                == 1;
    }

    /** The comments under the article that the reader recommends. */
    List<Long> recommendedBy(long accountId, long articleId) {
        return db.sql(
                        """
                        SELECT r.comment_id FROM comment_recommendation r JOIN comment c ON c.id = r.comment_id
                        WHERE r.account_id = :account AND c.article_id = :article ORDER BY r.comment_id""")
                .param("account", accountId)
                .param("article", articleId)
                .query(Long.class)
                .list();
    }

    /**
     * Drops every recommendation the reader made and takes each off its comment's count; says which
     * articles' conversations changed.
     */
    List<Long> withdrawAllRecommendationsOf(long accountId) {
        return db.sql(
                        """
                        WITH dropped AS (
                            DELETE FROM comment_recommendation WHERE account_id = :account RETURNING comment_id),
                        counted AS (
                            UPDATE comment c SET recommendations = c.recommendations - 1
                            FROM dropped d WHERE c.id = d.comment_id RETURNING c.article_id)
                        SELECT DISTINCT article_id FROM counted""")
                .param("account", accountId)
                .query(Long.class)
                .list();
    }
}
