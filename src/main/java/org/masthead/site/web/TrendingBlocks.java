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
 * Their cards are asked for together, in one round of questions, as a page rendered afresh asks.
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
        addTo(model, null);
    }

    /**
     * Adds "Most read" and "Most commented" to the page of this article (or of no article), and answers
     * its related stories: similar ones when known, else (a new article, no module) by topic and section.
     */
    List<ArticleCard> addTo(Model model, @Nullable PublishedArticle article) {
        ReadingTrends source = trends.getIfAvailable();
        List<ArticleCard> related = List.of();
        if (source == null) {
            model.addAttribute("mostRead", List.of());
            model.addAttribute("mostCommented", List.of());
        } else {
            List<List<ArticleCard>> lists = content.cardLists(List.of(
                    article == null ? List.of() : source.relatedTo(article, RELATED),
                    source.mostRead(SHOWN * 2),
                    source.mostCommented(SHOWN * 2)));
            related = besides(article, lists.get(0), RELATED);
            model.addAttribute("mostRead", besides(null, lists.get(1), SHOWN));
            model.addAttribute("mostCommented", besides(null, lists.get(2), SHOWN));
        }
        return related.isEmpty() && article != null ? content.relatedTo(article, RELATED) : related;
    }

    private static List<ArticleCard> besides(@Nullable PublishedArticle article, List<ArticleCard> cards, int count) {
        return cards.stream()
                .filter(card -> article == null || card.id() != article.id())
                .limit(count)
                .toList();
    }
}
