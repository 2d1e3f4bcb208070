package org.masthead.membership.internal;

import java.sql.Timestamp;
import java.util.List;
import org.masthead.newsroom.ArticlePublished;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.newsroom.PublishedContent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Membership's own copy of the saved articles' headline, standfirst and publication time, so that a member
 * can search and sort their list in one query without reading the newsroom's tables. Taken when an
 * article is saved, refreshed when the newsroom republishes or takes it down, and filled at start-up for
 * entries saved before the copy existed.
 */
@Component
class ReadingListArticles {

    private static final int BATCH = 200;

    private final JdbcClient db;
    private final PublishedContent content;
    private final TransactionTemplate transactions;

    ReadingListArticles(JdbcClient db, PublishedContent content, TransactionTemplate transactions) {
        this.db = db;
        this.content = content;
        this.transactions = transactions;
    }

    /** Keeps the article as it is published now. */
    void remember(PublishedArticle article) {
        db.sql(
                        """
                        INSERT INTO reading_list_article (article_id, headline, standfirst, published_at, published)
                        VALUES (:id, :headline, :standfirst, :publishedAt, TRUE)
                        ON CONFLICT (article_id) DO UPDATE SET headline = excluded.headline,
                            standfirst = excluded.standfirst, published_at = excluded.published_at, published = TRUE""")
                .param("id", article.id())
                .param("headline", article.headline())
                .param("standfirst", article.standfirst())
                .param("publishedAt", Timestamp.from(article.publishedAt()))
                .update();
    }

    /** Only articles someone saved are copied; the rest of the newsroom's output is not this module's concern. */
    @ApplicationModuleListener
    void on(ArticlePublished published) {
        long id = published.articleId();
        boolean kept = db.sql("SELECT count(*) FROM reading_list_article WHERE article_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
        if (kept) {
            refresh(id);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillMissing() {
        List<Long> missing;
        do {
            missing = db.sql(
                            """
                            SELECT DISTINCT e.article_id FROM reading_list_entry e
                            WHERE NOT EXISTS (SELECT 1 FROM reading_list_article a WHERE a.article_id = e.article_id)
                            LIMIT :batch""")
                    .param("batch", BATCH)
                    .query(Long.class)
                    .list();
            List<Long> batch = missing;
            transactions.executeWithoutResult(status -> batch.forEach(this::refresh));
        } while (missing.size() == BATCH);
    }

    private void refresh(long articleId) {
        content.article(articleId).ifPresentOrElse(this::remember, () -> gone(articleId));
    }

    /** Its text stays as it was; one never copied is listed as no longer published. */
    private void gone(long articleId) {
        db.sql(
                        """
                        INSERT INTO reading_list_article (article_id, headline, standfirst, published_at, published)
                        SELECT :id, '', '', min(saved_at), FALSE FROM reading_list_entry WHERE article_id = :id
                        HAVING count(*) > 0
                        ON CONFLICT (article_id) DO UPDATE SET published = FALSE""")
                .param("id", articleId)
                .update();
    }
}
