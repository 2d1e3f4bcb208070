package org.masthead.newsroom.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.Correction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CorrectionRepository {

    private final JdbcClient db;

    CorrectionRepository(JdbcClient db) {
        this.db = db;
    }

    public void insert(long articleId, boolean clarification, String text, @Nullable Long addedBy, Instant at) {
        db.sql(
                        """
                        INSERT INTO article_correction (article_id, kind, text, added_by, added_at)
                        VALUES (:article, :kind, :text, :addedBy, :at)""")
                .param("article", articleId)
                .param("kind", clarification ? "CLARIFICATION" : "CORRECTION")
                .param("text", text)
                .param("addedBy", addedBy)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Oldest first, as they read under the article. */
    public List<Correction> of(long articleId) {
        return db.sql(
                        """
                        SELECT id, article_id, kind, text, added_at FROM article_correction
                        WHERE article_id = :article ORDER BY added_at, id""")
                .param("article", articleId)
                .query(CorrectionRepository::toCorrection)
                .list();
    }

    /** The newest corrections, newest first, whether or not their articles are published now. */
    public List<Correction> latest(int limit) {
        return db.sql(
                        """
                        SELECT id, article_id, kind, text, added_at FROM article_correction
                        ORDER BY added_at DESC, id DESC LIMIT :limit""")
                .param("limit", limit)
                .query(CorrectionRepository::toCorrection)
                .list();
    }

    private static Correction toCorrection(ResultSet rs, int n) throws SQLException {
        return new Correction(
                rs.getLong("id"),
                rs.getLong("article_id"),
                rs.getString("kind").equals("CLARIFICATION"),
                rs.getString("text"),
                rs.getTimestamp("added_at").toInstant());
    }
}
