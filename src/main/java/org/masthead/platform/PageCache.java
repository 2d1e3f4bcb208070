package org.masthead.platform;

import java.util.Collection;

/** The rendered public pages this node holds, dropped across every node when their content changes. */
public interface PageCache {

    /** Drops every page that names any of these surrogate keys, here and on every other node. */
    void evict(Collection<String> surrogateKeys);

    /** Drops every page, here and on every other node. */
    void evictAll();
}
