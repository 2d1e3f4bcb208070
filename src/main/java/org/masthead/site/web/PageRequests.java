package org.masthead.site.web;

import java.time.Instant;
import java.util.Collection;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.ArticlePage;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;

/** The rules for numbered list pages, shared by every paginated page. */
final class PageRequests {

    static final int PAGE_SIZE = 20;

    private PageRequests() {}

    /** Rejects page numbers below 1 with a 400; a number that is not a number never gets here. */
    static int require(int page) {
        if (page < 1) {
            throw new RejectedException("Bad request", "page", "Page numbers start at 1.");
        }
        return page;
    }

    /** A page past the last one does not exist; the first page always does, even when empty. */
    static ArticlePage requireExisting(ArticlePage page) {
        if (page.number() > page.totalPages()) {
            throw new NotFoundException("There is no page " + page.number());
        }
        return page;
    }

    static Instant lastModified(Collection<ArticleCard> cards) {
        return cards.stream()
                .map(ArticleCard::modifiedAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }
}
