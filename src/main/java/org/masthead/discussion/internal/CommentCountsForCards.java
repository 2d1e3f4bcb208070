package org.masthead.discussion.internal;

import java.util.Collection;
import java.util.Map;
import org.masthead.discussion.Discussion;
import org.masthead.site.CommentCounts;
import org.springframework.stereotype.Component;

/** Gives the site's article cards their comment counts. */
@Component
class CommentCountsForCards implements CommentCounts {

    private final Discussion discussion;

    CommentCountsForCards(Discussion discussion) {
        this.discussion = discussion;
    }

    @Override
    public Map<Long, Integer> of(Collection<Long> articleIds) {
        return discussion.commentCounts(articleIds);
    }
}
