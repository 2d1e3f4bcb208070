package org.masthead.discussion.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.masthead.platform.Workers;
import org.masthead.site.CommentCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many published comments and replies each article's conversation holds, for its cards and its
 * thread. A comment joining or leaving a conversation adds a row of {@code comment_count_change} instead
 * of updating the article's counter: every comment under a busy article would otherwise update that one
 * row, and each posting transaction would wait for the one before it to commit. A count is the counter
 * plus the changes not yet folded into it, so it is exact at once; a worker on every node folds the
 * changes in, in batches that nodes share out between them.
 */
@Component
class ThreadCounts implements CommentCounts {

    static final Duration FOLD_INTERVAL = Duration.ofSeconds(5);
    private static final int FOLD_BATCH = 10_000;

    private final JdbcClient db;

    ThreadCounts(JdbcClient db, Workers workers) {
        this.db = db;
        workers.run("comment-counts", FOLD_INTERVAL, null, this::fold);
    }

    /** Counts a comment into (+1) or out of (-1) its article's conversation, with the caller's transaction. */
    void change(long articleId, int delta) {
        db.sql("INSERT INTO comment_count_change (article_id, delta) VALUES (:article, :delta)")
                .param("article", articleId)
                .param("delta", delta)
                .update();
    }

    int of(long articleId) {
        return of(List.of(articleId)).getOrDefault(articleId, 0);
    }

    /** The counts of these articles, in one query; articles without a published comment are absent. */
    @Override
    public Map<Long, Integer> of(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> counts = new HashMap<>();
        // One array, not a list of values: PostgreSQL keeps one plan for it instead of planning each call.
        db.sql(
                        """
                        SELECT article_id, sum(n)::int FROM (
                            SELECT article_id, comment_count AS n FROM comment_thread WHERE article_id = ANY(:ids)
                            UNION ALL
                            SELECT article_id, delta FROM comment_count_change WHERE article_id = ANY(:ids)
                        ) counted
                        GROUP BY article_id HAVING sum(n) > 0""")
                .param("ids", articleIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /**
     * Folds a batch of changes into the counters, in one statement, so that a count read at the same time
     * sees them either all before or all after. Rows another node is folding are skipped. (A statement's
     * data-modifying {@code WITH} parts all run, whether or not its result reads them.)
     *
     * @return whether a whole batch was folded, so that more may be waiting
     */
    boolean fold() {
        int folded = db.sql(
                        """
                        WITH moved AS (
                            DELETE FROM comment_count_change WHERE id IN (
                                SELECT id FROM comment_count_change ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED)
                            RETURNING article_id, delta),
                        sums AS (SELECT article_id, sum(delta)::int AS delta FROM moved GROUP BY article_id),
                        updated AS (
                            UPDATE comment_thread t SET comment_count = t.comment_count + s.delta, updated_at = now()
                            FROM sums s WHERE t.article_id = s.article_id
                            RETURNING t.article_id),
                        inserted AS (
                            INSERT INTO comment_thread (article_id, comment_count, updated_at)
                            SELECT article_id, delta, now() FROM sums
                            WHERE article_id NOT IN (SELECT article_id FROM updated)
                            ON CONFLICT (article_id)
                            DO UPDATE SET comment_count = comment_thread.comment_count + excluded.comment_count)
                        SELECT count(*)::int FROM moved""")
                .param("batch", FOLD_BATCH)
                .query(Integer.class)
                .single();
        return folded == FOLD_BATCH;
    }
}
