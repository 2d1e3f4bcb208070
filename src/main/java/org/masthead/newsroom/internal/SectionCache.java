package org.masthead.newsroom.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.newsroom.Section;
import org.masthead.platform.ClusterMessages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sections, kept in memory: they are few and read on every page. Every node drops them when a
 * change commits; the periodic refresh covers a message lost while a node reconnected.
 */
@Component
public class SectionCache {

    private static final String SECTIONS_CHANGED = "newsroom_sections";

    private final CatalogRepository catalog;
    private final ClusterMessages cluster;
    private final LoadingCache<Boolean, Map<Long, Section>> sections =
            Caffeine.newBuilder().refreshAfterWrite(Duration.ofMinutes(1)).build(all -> load());

    SectionCache(CatalogRepository catalog, ClusterMessages cluster) {
        this.catalog = catalog;
        this.cluster = cluster;
        cluster.subscribe(SECTIONS_CHANGED, payload -> sections.invalidateAll());
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
        return sections.get(Boolean.TRUE);
    }

    /**
     * Sections changed: every node reads them afresh once the change commits. This node forgets them
     * at the commit itself, not when its own cluster message comes back: a page read while the change
     * was uncommitted would otherwise keep the old sections for whoever goes on to use the new one
     * straight away.
     */
    public void forget() {
        sections.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(SectionCache.this);
                    sections.invalidateAll();
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
