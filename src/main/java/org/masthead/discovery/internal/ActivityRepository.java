package org.masthead.discovery.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hourly readings and comments per article. */
@Repository
class ActivityRepository {

    private final JdbcClient db;

    ActivityRepository(JdbcClient db) {
        this.db = db;
    }

    void addViews(Map<Long, LongAdder> views, Instant hour) {
        Long[] ids = views.keySet().toArray(Long[]::new);
        Long[] counts = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            counts[i] = views.get(ids[i]).sum();
        }
        db.sql(
                        """
                        INSERT INTO article_activity (article_id, hour, views)
                        SELECT id, :hour, n FROM unnest(CAST(:ids AS bigint[]), CAST(:counts AS bigint[])) AS v(id, n)
                        ON CONFLICT (article_id, hour) DO UPDATE SET views = article_activity.views + excluded.views""")
                .param("hour", Timestamp.from(hour))
                .param("ids", ids)
                .param("counts", counts)
                .update();
    }

    void addComment(long articleId, Instant hour) {
        db.sql(
                        """
                        INSERT INTO article_activity (article_id, hour, comments) VALUES (:id, :hour, 1)
                        ON CONFLICT (article_id, hour) DO UPDATE SET comments = article_activity.comments + 1""")
                .param("id", articleId)
                .param("hour", Timestamp.from(hour))
                .update();
    }

    /** The articles with the most readings ({@code views}) or comments since then, most first. */
    List<Long> top(String column, Instant since, int count) {
        if (!column.equals("views") && !column.equals("comments")) {
            throw new IllegalArgumentException(column);
        }
        return db.sql(
                        """
                        SELECT article_id FROM article_activity WHERE hour >= :since
                        GROUP BY article_id HAVING sum(%1$s) > 0
                        ORDER BY sum(%1$s) DESC, article_id DESC LIMIT :count"""
                                .formatted(column))
                .param("since", Timestamp.from(since))
                .param("count", count)
                .query(Long.class)
                .list();
    }

    int forget(Instant before) {
        return db.sql("DELETE FROM article_activity WHERE hour < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    /**
     * Related articles: each shared topic counts one, then words of this headline found in theirs (most)
     * or in their text; of the 500 newest candidates, so that a common word costs no more than a rare one.
     */
    List<Long> related(long articleId, int count) {
        return db.sql(
                        """
                        WITH me AS (SELECT article_id, tag_ids, headline FROM search_document WHERE article_id = :id),
                             q AS (SELECT to_tsquery('simple', string_agg(quote_literal(t.lexeme), ' | ')) AS query
                                   FROM me, unnest(to_tsvector('masthead_english', me.headline)) AS t),
                             candidates AS (
                                 SELECT d.article_id, d.tag_ids, d.document, d.published_at
                                 FROM search_document d, me, q
                                 WHERE d.article_id <> me.article_id
                                   AND (d.tag_ids && me.tag_ids OR (q.query IS NOT NULL AND d.document @@ q.query))
                                 ORDER BY d.published_at DESC LIMIT 500)
                        SELECT c.article_id FROM candidates c, me, q
                        ORDER BY cardinality(ARRAY(SELECT unnest(c.tag_ids) INTERSECT SELECT unnest(me.tag_ids)))
                                     + coalesce(ts_rank(c.document, q.query), 0) DESC,
                                 c.published_at DESC
                        LIMIT :count""")
                .param("id", articleId)
                .param("count", count)
                .query(Long.class)
                .list();
    }
}
