package org.masthead.platform;

import java.util.Collection;

/** The rendered public pages this node holds, dropped across every node when their content changes. */
public interface PageCache {

    /**
     * Drops every page that names any of these surrogate keys, here and on every other node. Inside a
     * transaction, it happens when the transaction commits (and not at all if it rolls back), so that
     * no request caches the old content again in between; call it from the transaction that made the
     * change, not after it. Other nodes hear of it just after the commit, in a message sent on a
     * connection of its own (see {@link ClusterMessages#sendAfterCommit}), so a busy write path does
     * not wait on it.
     */
    void evict(Collection<String> surrogateKeys);

    /** Drops every page, here and on every other node. */
    void evictAll();
}
