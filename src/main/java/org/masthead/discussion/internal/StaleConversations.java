package org.masthead.discussion.internal;

import java.util.ArrayList;
import java.util.List;
import org.masthead.accounts.ProfileSection;
import org.masthead.discussion.Discussion;
import org.masthead.newsroom.ArticleCommentsChanged;
import org.masthead.platform.PageCache;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drops cached conversation fragments and profile pages when what they show changes, on every node:
 * from within the transaction of the change, so the cache drops them as it commits (see {@link
 * PageCache#evict}).
 */
@Component
class StaleConversations {

    private final PageCache pageCache;

    StaleConversations(PageCache pageCache) {
        this.pageCache = pageCache;
    }

    @EventListener
    void on(ThreadChanged changed) {
        List<String> keys = new ArrayList<>();
        changed.articleIds().forEach(id -> keys.add(Discussion.surrogateKey(id)));
        changed.accountIds().forEach(id -> keys.add(ProfileSection.surrogateKey(id)));
        pageCache.evict(keys);
    }

    @EventListener
    void on(ArticleCommentsChanged changed) {
        pageCache.evict(List.of(Discussion.surrogateKey(changed.articleId())));
    }
}
