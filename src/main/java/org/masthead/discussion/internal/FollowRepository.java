package org.masthead.discussion.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.discussion.internal.CommentRepository.CommentRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Readers following readers, and what the readers they follow write, in SQL. */
@Repository
class FollowRepository {

    private final JdbcClient db;

    FollowRepository(JdbcClient db) {
        this.db = db;
    }

    boolean follow(long followerId, long followedId, Instant now) {
        return db.sql(
                                """
                        INSERT INTO reader_follow (follower_id, followed_id, since) VALUES (:follower, :followed, :now)
                        ON CONFLICT DO NOTHING""")
                        .param("follower", followerId)
                        .param("followed", followedId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean unfollow(long followerId, long followedId) {
        return db.sql("DELETE FROM reader_follow WHERE follower_id = :follower AND followed_id = :followed")
                        .param("follower", followerId)
                        .param("followed", followedId)
                        .update()
                == 1;
    }

    boolean follows(long followerId, long followedId) {
        return db.sql(
                        "SELECT EXISTS (SELECT 1 FROM reader_follow WHERE follower_id = :follower AND followed_id = :followed)")
                .param("follower", followerId)
                .param("followed", followedId)
                .query(Boolean.class)
                .single();
    }

    int followerCount(long accountId) {
        return db.sql("SELECT count(*) FROM reader_follow WHERE followed_id = :id")
                .param("id", accountId)
                .query(Integer.class)
                .single();
    }

    int followingCount(long accountId) {
        return db.sql("SELECT count(*) FROM reader_follow WHERE follower_id = :id")
                .param("id", accountId)
                .query(Integer.class)
                .single();
    }

    List<Long> followed(long followerId) {
        return db.sql("SELECT followed_id FROM reader_follow WHERE follower_id = :id ORDER BY followed_id")
                .param("id", followerId)
                .query(Long.class)
                .list();
    }

    List<Long> followers(long accountId) {
        return db.sql("SELECT follower_id FROM reader_follow WHERE followed_id = :id ORDER BY follower_id")
                .param("id", accountId)
                .query(Long.class)
                .list();
    }

    /** Drops every follow to or from the account; says whose follower or following counts changed. */
    List<Long> dropAllOf(long accountId) {
        return db.sql(
                        """
                        DELETE FROM reader_follow WHERE follower_id = :id OR followed_id = :id
                        RETURNING CASE WHEN follower_id = :id THEN followed_id ELSE follower_id END""")
                .param("id", accountId)
                .query(Long.class)
                .list();
    }

    /** Published comments and replies by the readers this one follows, newest first. */
    List<CommentRow> byFollowed(long followerId, @Nullable Cursor before, int limit) {
        var query = db.sql("SELECT " + CommentRepository.COLUMNS
                        + """
                         FROM reader_follow f
                        JOIN comment c ON c.author_id = f.followed_id
                        WHERE f.follower_id = :follower AND c.status = 'published'"""
                        + (before == null ? "" : " AND (c.posted_at, c.id) < (:at, :id)")
                        + " ORDER BY c.posted_at DESC, c.id DESC LIMIT :limit")
                .param("follower", followerId)
                .param("limit", limit);
        if (before != null) {
            query = query.param("at", Timestamp.from(before.instant())).param("id", before.id());
        }
        return query.query(CommentRepository::toRow).list();
    }

    /**
     * The readers this reader follows who have a comment showing under the article: from the follows,
     * so that the cost does not grow with the conversation.
     */
    List<Long> followedAuthorsUnder(long articleId, long followerId) {
        return db.sql(
                        """
                        SELECT f.followed_id FROM reader_follow f
                        WHERE f.follower_id = :follower
                          AND EXISTS (SELECT 1 FROM comment c WHERE c.article_id = :article
                                      AND c.author_id = f.followed_id AND c.status = 'published')
                        ORDER BY f.followed_id""")
                .param("follower", followerId)
                .param("article", articleId)
                .query(Long.class)
                .list();
    }
}
