package org.masthead.discussion.internal;

import java.util.Set;

/**
 * Something shown in an article's conversation changed; so did the profiles of these readers (what
 * they wrote, or whom they follow and who follows them). Cached fragments and pages are stale.
 */
record ThreadChanged(Set<Long> articleIds, Set<Long> accountIds) {

    static ThreadChanged of(long articleId, long accountId) {
        return new ThreadChanged(Set.of(articleId), Set.of(accountId));
    }
}
