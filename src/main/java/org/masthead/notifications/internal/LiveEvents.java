package org.masthead.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.ClusterMessages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes live events to every node, and keeps them a while so that a page that reconnects can be
 * sent what it missed.
 *
 * <p>A page resumes from the id of the last event it saw, so ids must become visible in the order they
 * are given out: otherwise an event with a smaller id could commit after the page had already seen a
 * larger one, and be skipped on resume. Every transaction that publishes therefore takes one
 * transaction-scoped advisory lock before it takes an id, and holds it until it commits; commits (and
 * the cluster messages sent on commit) come in id order. The price is that publishing transactions
 * commit one at a time, so publishing must be the last thing a transaction does. What remains: a page
 * that was away for longer than {@code masthead.notifications.live-retention}, or that missed more
 * than {@link #REPLAY_LIMIT} events, is sent only the oldest of what is still kept.
 */
@Component
public class LiveEvents {

    /** The cluster channel that carries each event to every node. */
    static final String CHANNEL = "live_events";

    /** At most this many missed events are sent to a page that reconnects. */
    static final int REPLAY_LIMIT = 500;

    /** Serialises the transactions that publish live events ("live" in ASCII). */
    private static final long ORDER_LOCK = 0x6c697665L;

    private final JdbcClient db;
    private final ClusterMessages cluster;

    LiveEvents(JdbcClient db, ClusterMessages cluster) {
        this.db = db;
        this.cluster = cluster;
    }

    /**
     * Publishes an event when the caller's transaction commits: stored, and sent to every node for the
     * pages open there. Call it last in the transaction, as it holds a lock until the commit.
     *
     * @param onceKey for events that must be pushed only once however often their cause is handled,
     *     such as {@code comment-12}; null for events that may repeat, such as an unread count
     * @return the event, or empty if one with the same key was published before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LiveEvent> publish(String topic, String name, String data, @Nullable String onceKey) {
        return publish(topic, name, () -> data, onceKey);
    }

    /**
     * Publishes an event whose data is worked out once this transaction holds the lock that orders
     * publishers, so that it sees what every earlier publisher committed: two transactions counting a
     * reader's unread notifications at once would otherwise each miss the other's.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LiveEvent> publish(String topic, String name, Supplier<String> data, @Nullable String onceKey) {
        db.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", ORDER_LOCK)
                .query()
                .listOfRows();
        String content = data.get();
        Optional<Long> id = db.sql(
                        """
                        INSERT INTO live_event (topic, name, data, once_key) VALUES (:topic, :name, :data, :onceKey)
                        ON CONFLICT (once_key) DO NOTHING RETURNING id""")
                .param("topic", topic)
                .param("name", name)
                .param("data", content)
                .param("onceKey", onceKey, java.sql.Types.VARCHAR)
                .query(Long.class)
                .optional();
        return id.map(eventId -> {
            LiveEvent event = new LiveEvent(eventId, topic, name, content);
            cluster.send(CHANNEL, event.encode());
            return event;
        });
    }

    /** The events on these topics after the given id, oldest first. */
    @Transactional(readOnly = true)
    public List<LiveEvent> after(long lastSeenId, Collection<String> topics) {
        if (topics.isEmpty()) {
            return List.of();
        }
        return db.sql(
                        """
                        SELECT id, topic, name, data FROM live_event
                        WHERE topic IN (:topics) AND id > :after ORDER BY id LIMIT :limit""")
                .param("topics", topics)
                .param("after", lastSeenId)
                .param("limit", REPLAY_LIMIT)
                .query((rs, n) -> new LiveEvent(
                        rs.getLong("id"), rs.getString("topic"), rs.getString("name"), rs.getString("data")))
                .list();
    }

    /** Deletes the events published before this time. */
    @Transactional
    public int deleteBefore(Instant before) {
        return db.sql("DELETE FROM live_event WHERE created_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
