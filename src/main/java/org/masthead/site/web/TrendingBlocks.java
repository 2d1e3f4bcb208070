package org.masthead.site.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.newsroom.PublishedContent;
import org.masthead.site.ReadingTrends;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Puts "Most read", "Most commented" and related stories on a page, from {@link ReadingTrends} when a
 * module provides it. The page stays cacheable: these blocks change as slowly as its cache lets them.
 */
@Component
class TrendingBlocks {

    static final int SHOWN = 5;
    private static final int RELATED = 4;

    private final ObjectProvider<ReadingTrends> trends;
    private final PublishedContent content;

    TrendingBlocks(ObjectProvider<ReadingTrends> trends, PublishedContent content) {
        this.trends = trends;
        this.content = content;
    }

    void addTo(Model model) {
        ReadingTrends source = trends.getIfAvailable();
        model.addAttribute("mostRead", source == null ? List.of() : cards(source.mostRead(SHOWN * 2), null));
        model.addAttribute("mostCommented", source == null ? List.of() : cards(source.mostCommented(SHOWN * 2), null));
    }

    /** Related stories: similar ones when known, else (a new article, no module) by topic and section. */
    List<ArticleCard> relatedTo(PublishedArticle article) {
        ReadingTrends source = trends.getIfAvailable();
        List<ArticleCard> related = source == null ? List.of() : cards(source.relatedTo(article, RELATED), article);
        return related.isEmpty() ? content.relatedTo(article, RELATED) : related;
    }

    private List<ArticleCard> cards(List<Long> ids, @Nullable PublishedArticle besides) {
        return content.cards(ids).stream()
                .filter(card -> besides == null || card.id() != besides.id())
                .limit(besides == null ? SHOWN : RELATED)
                .toList();
    }
}
