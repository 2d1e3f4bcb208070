package org.masthead.newsroom.internal;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.masthead.newsroom.Section;
import org.masthead.platform.ClusterMessages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sections, kept in memory: they are few and read on every page. Every node drops them when a
 * change commits; reading them again every minute covers a message lost while a node reconnected.
 * Sections read while a change committed are used by whoever read them, but not kept: each change
 * bumps a version, and a reading is kept only if the version did not move while it was being made.
 */
@Component
public class SectionCache {

    private static final String SECTIONS_CHANGED = "newsroom_sections";
    private static final long MAX_AGE_NANOS = Duration.ofMinutes(1).toNanos();

    private final CatalogRepository catalog;
    private final ClusterMessages cluster;

    private record Kept(long version, long readAtNanos, Map<Long, Section> sections) {}

    private final AtomicLong version = new AtomicLong();
    private volatile Kept kept;

    SectionCache(CatalogRepository catalog, ClusterMessages cluster) {
        this.catalog = catalog;
        this.cluster = cluster;
        cluster.subscribe(SECTIONS_CHANGED, payload -> version.incrementAndGet());
    }

    /**
     * Every section by id: top-level ones first in their order, each followed by its sub-sections. A
     * transaction that changed sections reads them from the database, as only it can see its changes
     * until it commits (the demo content, say, creating sections and filing articles in them at once).
     */
    public Map<Long, Section> byId() {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return load();
        }
        long before = version.get();
        Kept known = kept;
        if (known != null && known.version() == before && System.nanoTime() - known.readAtNanos() < MAX_AGE_NANOS) {
            return known.sections();
        }
        Map<Long, Section> read = load();
        if (version.get() == before) {
            kept = new Kept(before, System.nanoTime(), read);
        }
        return read;
    }

    /**
     * Sections changed: every node reads them afresh once the change commits. This node forgets them
     * at the commit itself, not when its own cluster message comes back: a page read while the change
     * was uncommitted would otherwise keep the old sections for whoever goes on to use the new one
     * straight away.
     */
    public void forget() {
        version.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(SectionCache.this);
                    version.incrementAndGet();
                }
            });
        }
        cluster.send(SECTIONS_CHANGED, "");
    }

    private Map<Long, Section> load() {
        List<Section> all = catalog.allSections();
        Map<Long, Section> ordered = new LinkedHashMap<>();
        for (Section top : all) {
            if (top.isTopLevel()) {
                ordered.put(top.id(), top);
                addChildren(top, all, ordered);
            }
        }
        return Collections.unmodifiableMap(ordered);
    }

    private static void addChildren(Section parent, List<Section> all, Map<Long, Section> ordered) {
        for (Section child : all) {
            if (Long.valueOf(parent.id()).equals(child.parentId())) {
                ordered.put(child.id(), child);
                addChildren(child, all, ordered);
            }
        }
    }
}
