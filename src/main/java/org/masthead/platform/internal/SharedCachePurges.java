package org.masthead.platform.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.ClusterMessages;
import org.masthead.platform.SharedCache;
import org.masthead.platform.SharedCacheProperties;
import org.masthead.platform.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The purges owed to the caches in front of Masthead ({@code masthead.cache.purge-urls}), kept as an outbox
 * in the database: a purge is queued in the transaction that changed the content, so it is owed exactly when
 * the change commits; any node's worker sends it and deletes it once the cache confirms. A node that dies
 * mid-send, or a cache that is down, only delays it: it is tried again, with a growing wait, until it goes
 * through or is older than {@code masthead.cache.give-up-after}.
 */
@Component
class SharedCachePurges {

    static final String WAKE_UP_CHANNEL = "shared_cache_purge";
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final int MAX_ERROR_LENGTH = 1000;
    private static final Logger log = LoggerFactory.getLogger(SharedCachePurges.class);

    private final JdbcClient db;
    private final ClusterMessages cluster;
    private final SharedCacheProperties properties;
    private final Map<String, SharedCache> caches;
    private final @Nullable ReplicaCatchUp replica;

    SharedCachePurges(
            JdbcClient db,
            ClusterMessages cluster,
            SharedCacheProperties properties,
            Workers workers,
            ObjectProvider<ReplicaCatchUp> replica) {
        this.db = db;
        this.replica = replica.getIfAvailable();
        this.cluster = cluster;
        this.properties = properties;
        this.caches = cachesOf(properties);
        if (!caches.isEmpty()) {
            workers.run("cache-purger", properties.pollInterval(), WAKE_UP_CHANNEL, this::purgeNext);
        }
    }

    private static Map<String, SharedCache> cachesOf(SharedCacheProperties properties) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        Map<String, SharedCache> caches = new LinkedHashMap<>();
        for (URI url : properties.purgeUrls()) {
            String scheme = String.valueOf(url.getScheme());
            SharedCache cache =
                    switch (scheme) {
                        case "http", "https" -> new VarnishCache(http, url, properties.timeout());
                        case "fastly" ->
                            new FastlyCache(
                                    http,
                                    properties.fastlyApi(),
                                    url.getSchemeSpecificPart(),
                                    Objects.requireNonNull(properties.fastlyToken()),
                                    properties.timeout());
                        // SharedCacheProperties refuses any other at start.
                        default -> throw new IllegalStateException("Not a cache to purge: " + url);
                    };
            caches.put(url.toString(), cache);
        }
        return Map.copyOf(caches);
    }

    /** Owes every cache a purge of these keys ({@code *} for everything), from when the current transaction commits. */
    void queue(String keys) {
        if (caches.isEmpty()) {
            return;
        }
        for (String target : caches.keySet()) {
            db.sql("INSERT INTO shared_cache_purge (target, keys) VALUES (:target, :keys)")
                    .param("target", target)
                    .param("keys", keys)
                    .update();
        }
        cluster.sendAfterCommit(WAKE_UP_CHANNEL, "");
    }

    private record Claimed(long id, String target, String keys, int attempts, Instant queuedAt) {}

    /** Sends the purge due longest, if any; whether there was one. */
    boolean purgeNext() {
        Optional<Claimed> claimed = db.sql(
                        """
                        UPDATE shared_cache_purge
                        SET attempts = attempts + 1, next_attempt_at = now() + :lease * interval '1 millisecond'
                        WHERE id = (SELECT id FROM shared_cache_purge WHERE next_attempt_at <= now()
                                    ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, target, keys, attempts, queued_at""")
                .param("lease", LEASE.toMillis())
                .query((rs, n) -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("target"),
                        rs.getString("keys"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("queued_at").toInstant()))
                .optional();
        claimed.ifPresent(this::attempt);
        return claimed.isPresent();
    }

    private void attempt(Claimed purge) {
        SharedCache cache = caches.get(purge.target());
        if (cache == null) {
            // Queued when this cache was configured; it no longer is.
            delete(purge.id());
            return;
        }
        // The cache fetches the page again at once: from a replica without the change, it would keep the old one.
        if (replica != null && !replica.awaitReplay(properties.timeout())) {
            log.info(
                    "The read replica has not caught up within {}; purging {} all the same",
                    properties.timeout(),
                    purge.keys());
        }
        try {
            if (purge.keys().equals("*")) {
                cache.purgeAll();
            } else {
                cache.purge(Arrays.asList(purge.keys().split(" ")));
            }
            delete(purge.id());
        } catch (RuntimeException e) {
            failed(purge, e);
        }
    }

    private void failed(Claimed purge, RuntimeException e) {
        String error = e.getMessage() == null ? e.toString() : e.getMessage();
        if (Instant.now().isAfter(purge.queuedAt().plus(properties.giveUpAfter()))) {
            delete(purge.id());
            log.warn(
                    "Gave up purging {} from {} after {} attempts: {}",
                    purge.keys(),
                    purge.target(),
                    purge.attempts(),
                    error);
            return;
        }
        Duration delay = delayAfter(purge.attempts());
        db.sql(
                        """
                        UPDATE shared_cache_purge
                        SET next_attempt_at = now() + :delay * interval '1 millisecond', last_error = :error
                        WHERE id = :id""")
                .param("id", purge.id())
                .param("delay", delay.toMillis())
                .param("error", error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error)
                .update();
        log.info(
                "Could not purge {} from {} (attempt {}); trying again in {}: {}",
                purge.keys(),
                purge.target(),
                purge.attempts(),
                delay,
                error);
    }

    Duration delayAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration delay = properties.retryDelay().multipliedBy(1L << doublings);
        return delay.compareTo(properties.maxRetryDelay()) > 0 ? properties.maxRetryDelay() : delay;
    }

    private void delete(long id) {
        db.sql("DELETE FROM shared_cache_purge WHERE id = :id").param("id", id).update();
    }
}
