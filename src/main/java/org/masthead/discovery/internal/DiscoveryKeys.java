package org.masthead.discovery.internal;

/** The surrogate keys of discovery's cached pages, by which they are dropped when what they show changes. */
public final class DiscoveryKeys {

    /** Every search results page and suggestion list: any publication may change them. */
    public static final String SEARCH = "search";

    private DiscoveryKeys() {}
}
