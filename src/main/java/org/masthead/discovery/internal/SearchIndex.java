package org.masthead.discovery.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.masthead.discovery.DiscoveryProperties;
import org.masthead.newsroom.ArticlePublished;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;
import org.masthead.platform.PageCache;
import org.masthead.platform.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the search index in step with what the newsroom has published. Every publication, update and
 * unpublication reaches it as an {@link ArticlePublished} event (persisted, so none is lost to a crash);
 * the index then takes the article as it is now, or drops it. Content written around the newsroom's API
 * (an import, the benchmark's generator) is caught by a check, at start-up and every
 * {@code masthead.discovery.index-check-interval}, that compares the index with the published articles.
 *
 * <p>Results are shown only for articles the newsroom still publishes when the page is made, so an
 * unpublished article leaves the results at once, even before its event has been handled here.
 */
@Component
class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final int BATCH = 100;

    private final SearchRepository index;
    private final PublishedContent content;
    private final PageCache pageCache;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Trends trends;

    SearchIndex(
            SearchRepository index,
            PublishedContent content,
            PageCache pageCache,
            Clock clock,
            TransactionTemplate transactions,
            Workers workers,
            DiscoveryProperties properties,
            Trends trends) {
        this.index = index;
        this.trends = trends;
        this.content = content;
        this.pageCache = pageCache;
        this.clock = clock;
        this.transactions = transactions;
        workers.run("search-index-check", properties.indexCheckInterval(), null, new Check());
    }

    /**
     * In the publishing transaction, so that no cached results page outlives the change: a page made
     * before the index catches up leaves out what is no longer published (see {@link Search}), and is
     * dropped again when it does.
     */
    @EventListener
    void dropCachedResults(ArticlePublished published) {
        pageCache.evict(List.of(DiscoveryKeys.SEARCH));
    }

    @ApplicationModuleListener
    void on(ArticlePublished published) {
        refresh(published.articleId());
        pageCache.evict(List.of(DiscoveryKeys.SEARCH));
        trends.indexChanged();
    }

    /** Takes the article as the newsroom publishes it now, or drops it when it no longer does. */
    void refresh(long articleId) {
        content.article(articleId).ifPresentOrElse(this::index, () -> index.remove(articleId));
    }

    private void index(PublishedArticle article) {
        List<Long> sections =
                content.lineageOf(article.section()).stream().map(Section::id).toList();
        index.save(
                new SearchRepository.Document(
                        article.id(),
                        sections,
                        article.authors().stream().map(Author::id).toList(),
                        article.tags().stream().map(Tag::id).toList(),
                        article.publishedAt(),
                        article.headline(),
                        article.standfirst(),
                        BodyText.of(article.bodyHtml()),
                        String.join(" ", article.tags().stream().map(Tag::name).toList()),
                        String.join(
                                " ",
                                article.authors().stream().map(Author::name).toList())),
                clock.instant());
        article.tags().forEach(tag -> index.suggest("TOPIC", tag.id(), tag.name()));
        article.authors().forEach(author -> index.suggest("AUTHOR", author.id(), author.name()));
    }

    /**
     * Finds what the index lacks or holds in excess, then mends it a batch (one transaction) at a time,
     * so that a large import is indexed while the site serves.
     */
    private final class Check implements Workers.Drain {

        private final Deque<Long> missing = new ArrayDeque<>();
        private final Deque<Long> extra = new ArrayDeque<>();

        @Override
        public boolean next() {
            if (missing.isEmpty() && extra.isEmpty()) {
                Set<Long> published = new HashSet<>(content.publishedIds());
                Set<Long> indexed = new HashSet<>(index.indexedIds());
                published.stream().filter(id -> !indexed.contains(id)).sorted().forEach(missing::add);
                indexed.stream().filter(id -> !published.contains(id)).forEach(extra::add);
                if (missing.isEmpty() && extra.isEmpty()) {
                    return false;
                }
                log.info("Search index: {} published articles to add, {} others to drop", missing.size(), extra.size());
            }
            List<Long> batch = new ArrayList<>(BATCH);
            while (batch.size() < BATCH && (!extra.isEmpty() || !missing.isEmpty())) {
                batch.add(extra.isEmpty() ? missing.poll() : extra.poll());
            }
            transactions.executeWithoutResult(status -> {
                batch.forEach(SearchIndex.this::refresh);
                trends.indexChanged();
            });
            if (missing.isEmpty() && extra.isEmpty()) {
                pageCache.evict(List.of(DiscoveryKeys.SEARCH));
                log.info("Search index: up to date");
            }
            return true;
        }
    }
}
