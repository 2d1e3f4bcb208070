package org.masthead.discussion.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.masthead.discussion.internal.CommentRepository.CommentRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff picks ({@code comment_pick}), in SQL. */
@Repository
class PickRepository {

    private final JdbcClient db;

    PickRepository(JdbcClient db) {
        this.db = db;
    }

    /** @return false when it was picked already */
    boolean pick(long commentId, long articleId, Instant at) {
        return db.sql(
                                """
                        INSERT INTO comment_pick (comment_id, article_id, picked_at) VALUES (:comment, :article, :at)
                        ON CONFLICT DO NOTHING""")
                        .param("comment", commentId)
                        .param("article", articleId)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** @return false when it was not picked */
    boolean unpick(long commentId) {
        return db.sql("DELETE FROM comment_pick WHERE comment_id = :comment")
                        .param("comment", commentId)
                        .update()
                == 1;
    }

    /** Which of these comments are picked. */
    Set<Long> pickedAmong(Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.sql("SELECT comment_id FROM comment_pick WHERE comment_id IN (:ids)")
                .param("ids", commentIds)
                .query(Long.class)
                .list());
    }

    /** An article's published picks, the latest picked first. */
    List<CommentRow> picksUnder(long articleId, int limit) {
        return db.sql(
                        "SELECT " + CommentRepository.COLUMNS
                                + """
                         FROM comment_pick p JOIN comment c ON c.id = p.comment_id
                        WHERE p.article_id = :article AND c.status = 'published'
                        ORDER BY p.picked_at DESC, p.comment_id DESC LIMIT :limit""")
                .param("article", articleId)
                .param("limit", limit)
                .query(CommentRepository::toRow)
                .list();
    }
}
