package org.masthead.accounts.internal;

import java.util.List;
import org.masthead.accounts.AccountDeleted;
import org.masthead.accounts.ProfileChanged;
import org.masthead.platform.PageCache;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drops cached pages that show a reader's profile when it changes, on every node. After commit, so
 * that no request can cache the old profile again in between; and at once, so that the reader sees
 * their change on the next page they open.
 */
@Component
class StaleProfiles {

    private final PageCache pageCache;

    StaleProfiles(PageCache pageCache) {
        this.pageCache = pageCache;
    }

    @TransactionalEventListener
    void on(ProfileChanged changed) {
        pageCache.evict(List.of(Profiles.surrogateKey(changed.accountId())));
    }

    @TransactionalEventListener
    void on(AccountDeleted deleted) {
        pageCache.evict(List.of(Profiles.surrogateKey(deleted.accountId())));
    }
}
