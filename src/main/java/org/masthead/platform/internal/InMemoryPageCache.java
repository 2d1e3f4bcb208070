package org.masthead.platform.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.ClusterMessages;
import org.masthead.platform.PageCache;
import org.masthead.platform.PageCacheProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rendered pages by request path and query, in this node's memory. Every eviction also goes to every
 * other node, and to the caches in front of Masthead ({@link SharedCachePurges}).
 */
@Component
class InMemoryPageCache implements PageCache {

    private static final String CHANNEL = "page_cache";
    private static final String EVERYTHING = "*";

    private final Cache<String, CachedPage> pages;
    private final ClusterMessages cluster;
    private final SharedCachePurges sharedCaches;
    private final @Nullable ReplicaCatchUp replica;
    /** Bumped by every eviction, so a page rendered while its content changed is not kept. */
    private final AtomicLong generation = new AtomicLong();

    InMemoryPageCache(
            PageCacheProperties properties,
            ClusterMessages cluster,
            SharedCachePurges sharedCaches,
            ObjectProvider<ReplicaCatchUp> replica,
            MeterRegistry meters) {
        this.cluster = cluster;
        this.sharedCaches = sharedCaches;
        this.replica = replica.getIfAvailable();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(
                        properties.maxSizeOr(Runtime.getRuntime().maxMemory()).toBytes())
                .weigher((String key, CachedPage page) -> page.weight())
                .expireAfterWrite(properties.timeToLive())
                .recordStats()
                .build();
        meters.gauge("masthead.page_cache.size", pages, Cache::estimatedSize);
        meters.gauge("masthead.page_cache.hits", pages, c -> c.stats().hitCount());
        meters.gauge("masthead.page_cache.misses", pages, c -> c.stats().missCount());
        cluster.subscribe(CHANNEL, this::evictLocally);
    }

    @Nullable
    CachedPage get(String key) {
        return pages.getIfPresent(key);
    }

    long generation() {
        return generation.get();
    }

    /** Keeps the page unless some content changed after {@code renderedAtGeneration}. */
    void put(String key, CachedPage page, long renderedAtGeneration) {
        if (generation.get() == renderedAtGeneration) {
            pages.put(key, page);
        }
    }

    @Override
    public void evict(Collection<String> surrogateKeys) {
        if (surrogateKeys.isEmpty()) {
            return;
        }
        String payload = String.join(" ", surrogateKeys);
        // Inside a transaction this node evicts at commit, and other nodes hear of it just after.
        cluster.sendAfterCommit(CHANNEL, payload);
        sharedCaches.queue(payload);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evictLocally(payload);
                }
            });
        } else {
            evictLocally(payload);
        }
    }

    @Override
    public void evictAll() {
        evictLocally(EVERYTHING);
        cluster.send(CHANNEL, EVERYTHING);
        sharedCaches.queue(EVERYTHING);
    }

    private void evictLocally(String payload) {
        // Before the pages go: whatever renders them again must not read a replica that lacks the change.
        if (replica != null) {
            replica.changed();
        }
        generation.incrementAndGet();
        if (payload.equals(EVERYTHING)) {
            pages.invalidateAll();
            return;
        }
        Set<String> keys = new HashSet<>();
        Collections.addAll(keys, payload.split(" "));
        pages.asMap().values().removeIf(page -> !Collections.disjoint(page.surrogateKeys(), keys));
    }
}
