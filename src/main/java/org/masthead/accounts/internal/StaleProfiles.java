package org.masthead.accounts.internal;

import java.util.List;
import org.masthead.accounts.AccountDeleted;
import org.masthead.accounts.ProfileChanged;
import org.masthead.platform.PageCache;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drops cached pages that show a reader's profile when it changes, on every node: from within the
 * transaction of the change, so the cache drops them as it commits (see {@link PageCache#evict}); and
 * at once, so that the reader sees their change on the next page they open.
 */
@Component
class StaleProfiles {

    private final PageCache pageCache;

    StaleProfiles(PageCache pageCache) {
        this.pageCache = pageCache;
    }

    @EventListener
    void on(ProfileChanged changed) {
        pageCache.evict(List.of(Profiles.surrogateKey(changed.accountId())));
    }

    @EventListener
    void on(AccountDeleted deleted) {
        pageCache.evict(List.of(Profiles.surrogateKey(deleted.accountId())));
    }
}
