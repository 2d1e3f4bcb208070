package org.masthead.discovery.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hourly readings and comments per article. */
@Repository
class ActivityRepository {

    static final int NEARBY = 1000;

    private final JdbcClient db;

    ActivityRepository(JdbcClient db) {
        this.db = db;
    }

    void add(ActivityCounter.Counts counts, Instant hour) {
        Set<Long> articles = new HashSet<>(counts.views().keySet());
        articles.addAll(counts.comments().keySet());
        Long[] ids = articles.toArray(Long[]::new);
        Long[] views = new Long[ids.length];
        Long[] comments = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            views[i] = sum(counts.views(), ids[i]);
            comments[i] = sum(counts.comments(), ids[i]);
        }
        db.sql(
                        """
                        INSERT INTO article_activity (article_id, hour, views, comments)
                        SELECT id, :hour, v, c
                        FROM unnest(CAST(:ids AS bigint[]), CAST(:views AS bigint[]), CAST(:comments AS bigint[]))
                             AS n(id, v, c)
                        ON CONFLICT (article_id, hour) DO UPDATE
                        SET views = article_activity.views + excluded.views,
                            comments = article_activity.comments + excluded.comments""")
                .param("hour", Timestamp.from(hour))
                .param("ids", ids)
                .param("views", views)
                .param("comments", comments)
                .update();
    }

    private static long sum(Map<Long, LongAdder> counted, long articleId) {
        LongAdder adder = counted.get(articleId);
        return adder == null ? 0 : adder.sum();
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
     * Related articles: each shared topic counts one, then words of this headline found in theirs (weight A of
     * the title document; its other words, such as an author's name, say little). Sought among the {@value #NEARBY} articles published just before it and as
     * many just after, read from one index: the stories of its time, at a cost that does not grow with the
     * archive or with how common its words are.
     */
    List<Long> related(long articleId, int count) {
        return db.sql(
                        """
                        WITH me AS (SELECT tag_ids, title_document, published_at FROM search_document
                                    WHERE article_id = :id),
                             q AS (SELECT to_tsquery('simple', string_agg(quote_literal(t.lexeme) || ':A', ' | '))
                                          AS query
                                   FROM me, unnest(me.title_document) AS t WHERE 'A' = ANY (t.weights)),
                             nearby AS (
                                 (SELECT d.article_id, d.tag_ids, d.title_document, d.published_at
                                  FROM search_document d
                                  WHERE d.published_at <= (SELECT published_at FROM me) AND d.article_id <> :id
                                  ORDER BY d.published_at DESC LIMIT :nearby)
                                 UNION ALL
                                 (SELECT d.article_id, d.tag_ids, d.title_document, d.published_at
                                  FROM search_document d
                                  WHERE d.published_at > (SELECT published_at FROM me)
                                  ORDER BY d.published_at LIMIT :nearby))
                        SELECT n.article_id FROM nearby n, me, q
                        WHERE n.tag_ids && me.tag_ids OR n.title_document @@ q.query
                        ORDER BY cardinality(ARRAY(SELECT unnest(n.tag_ids) INTERSECT SELECT unnest(me.tag_ids)))
                                     + coalesce(ts_rank(n.title_document, q.query), 0) DESC,
                                 abs(extract(EPOCH FROM n.published_at - me.published_at))
                        LIMIT :count""")
                .param("id", articleId)
                .param("nearby", NEARBY)
                .param("count", count)
                .query(Long.class)
                .list();
    }
}
