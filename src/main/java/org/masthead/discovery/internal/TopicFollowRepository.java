package org.masthead.discovery.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which topics and authors each reader follows (readers following readers are the discussion's), and the articles that gives them. */
@Repository
class TopicFollowRepository {

    private final JdbcClient db;

    TopicFollowRepository(JdbcClient db) {
        this.db = db;
    }

    void follow(long readerId, String kind, long refId, Instant now) {
        db.sql(
                        """
                        INSERT INTO topic_follow (reader_id, kind, ref_id, followed_at) VALUES (:reader, :kind, :ref, :now)
                        ON CONFLICT DO NOTHING""")
                .param("reader", readerId)
                .param("kind", kind)
                .param("ref", refId)
                .param("now", Timestamp.from(now))
                .update();
    }

    void unfollow(long readerId, String kind, long refId) {
        db.sql("DELETE FROM topic_follow WHERE reader_id = :reader AND kind = :kind AND ref_id = :ref")
                .param("reader", readerId)
                .param("kind", kind)
                .param("ref", refId)
                .update();
    }

    /** Everything the reader follows goes: their account was deleted. */
    void forget(long readerId) {
        db.sql("DELETE FROM topic_follow WHERE reader_id = :reader")
                .param("reader", readerId)
                .update();
    }

    boolean follows(long readerId, String kind, long refId) {
        return db.sql(
                        """
                        SELECT EXISTS (SELECT 1 FROM topic_follow
                                       WHERE reader_id = :reader AND kind = :kind AND ref_id = :ref)""")
                .param("reader", readerId)
                .param("kind", kind)
                .param("ref", refId)
                .query(Boolean.class)
                .single();
    }

    List<Long> followed(long readerId, String kind) {
        return db.sql("SELECT ref_id FROM topic_follow WHERE reader_id = :reader AND kind = :kind ORDER BY followed_at")
                .param("reader", readerId)
                .param("kind", kind)
                .query(Long.class)
                .list();
    }

    /** A reader who follows one of an article's authors or topics, and which. */
    record FollowerRow(long readerId, String kind, long refId) {}

    /**
     * The readers who follow any of these authors or topics, each once, with the first they follow:
     * authors before topics, each in the order given.
     */
    List<FollowerRow> followersOf(List<Long> authorIds, List<Long> tagIds) {
        return db.sql(
                        """
                        SELECT DISTINCT ON (reader_id) reader_id, kind, ref_id FROM topic_follow
                        WHERE kind = 'author' AND ref_id = ANY (:authors) OR kind = 'topic' AND ref_id = ANY (:tags)
                        ORDER BY reader_id, kind = 'author' DESC,
                                 array_position(CASE kind WHEN 'author' THEN :authors ELSE :tags END, ref_id)""")
                .param("authors", authorIds.toArray(Long[]::new))
                .param("tags", tagIds.toArray(Long[]::new))
                .query((rs, n) -> new FollowerRow(rs.getLong("reader_id"), rs.getString("kind"), rs.getLong("ref_id")))
                .list();
    }

    /** The newest indexed articles with any of these topics or authors, a page at a time. */
    List<Long> newsFor(long readerId, int limit, long offset) {
        return db.sql(
                        MINE
                                + """
                        SELECT d.article_id FROM search_document d, mine
                        WHERE d.tag_ids && mine.tags OR d.author_ids && mine.authors
                        ORDER BY d.published_at DESC, d.article_id DESC LIMIT :limit OFFSET :offset""")
                .param("reader", readerId)
                .param("limit", limit)
                .param("offset", offset)
                .query(Long.class)
                .list();
    }

    /** How many indexed articles have any of these topics or authors. */
    long newsCount(long readerId) {
        return db.sql(
                        MINE
                                + """
                        SELECT count(*) FROM search_document d, mine
                        WHERE d.tag_ids && mine.tags OR d.author_ids && mine.authors""")
                .param("reader", readerId)
                .query(Long.class)
                .single();
    }

    /** The topics and authors a reader follows, as arrays of ids. */
    private static final String MINE =
            """
                        WITH mine AS (
                            SELECT coalesce(array_agg(ref_id) FILTER (WHERE kind = 'topic'), '{}') AS tags,
                                   coalesce(array_agg(ref_id) FILTER (WHERE kind = 'author'), '{}') AS authors
                            FROM topic_follow WHERE reader_id = :reader)
                        """;
}
