package org.masthead.platform;

import java.util.Collection;

/** A cache in front of Masthead that drops pages by the surrogate keys they name. */
public interface SharedCache {

    /** Drops every page naming any of these keys; throws when the cache did not confirm it. */
    void purge(Collection<String> surrogateKeys);

    /** Drops every page; throws when the cache did not confirm it. */
    void purgeAll();
}
