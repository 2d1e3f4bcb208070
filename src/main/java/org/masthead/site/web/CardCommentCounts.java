package org.masthead.site.web;

import java.util.Collection;
import java.util.Map;
import org.masthead.newsroom.ArticleCard;
import org.masthead.site.CommentCounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The comment counts of every card on a page, in one question to whichever module keeps comments. */
@Component
class CardCommentCounts {

    private final ObjectProvider<CommentCounts> counts;

    CardCommentCounts(ObjectProvider<CommentCounts> counts) {
        this.counts = counts;
    }

    Map<Long, Integer> of(Collection<ArticleCard> cards) {
        CommentCounts source = counts.getIfAvailable();
        if (source == null || cards.isEmpty()) {
            return Map.of();
        }
        return source.of(cards.stream().map(ArticleCard::id).distinct().toList());
    }
}
