package org.masthead.notifications.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.masthead.platform.ClusterMessages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes live events to every node, and to the GRIP proxies holding streams if there are any ({@link
 * GripPublisher}), in two kinds.
 *
 * <p>{@linkplain #publish Events that happen}, such as a new comment, are kept a while so that a page
 * that reconnects can be sent what it missed: everything after the id of the last event it saw, and
 * also what was published in the {@link #LATE_COMMIT} before that event. Ids are taken in order but
 * transactions commit in any order, so an event with a smaller id can become visible after a page has
 * seen a larger one; publishing is the last thing its transaction does, so it commits well within that
 * time. The page is sent some events again, and ignores those (by id here, by comment in the browser).
 * Nothing serialises the publishers: many comments are handled at once. What remains: a page that was
 * away for longer than {@code masthead.notifications.live-retention}, or that missed more than {@link
 * #REPLAY_LIMIT} events, is sent only the oldest of what is still kept. Such an event goes to the other
 * nodes once its transaction has committed, batched with others ({@link ClusterMessages#sendAfterCommit}):
 * a posting transaction neither waits for a round trip for it nor takes PostgreSQL's notification lock as
 * it commits, which every such commit would otherwise queue for. A node that stops in between leaves the
 * pages elsewhere to be sent the event when they reconnect, as after any lost message.
 *
 * <p>{@linkplain #tell State that changes}, such as a reader's unread count, is not kept: a page asks
 * for the current state when it connects. Its events must arrive in order, so the transactions telling
 * one topic take turns (a lock per topic) and each works out its data once it holds the lock.
 */
@Component
public class LiveEvents {

    /** The cluster channel that carries each event to every node. */
    static final String CHANNEL = "live_events";

    /** At most this many missed events are sent to a page that reconnects. */
    static final int REPLAY_LIMIT = 500;

    /** How long a publishing transaction may take from publishing to committing and still be replayed. */
    static final Duration LATE_COMMIT = Duration.ofSeconds(10);

    /** The first key of the locks that order state events, one per topic ("tell" in ASCII). */
    private static final int TELL_LOCKS = 0x74656c6c;

    private final JdbcClient db;
    private final ClusterMessages cluster;
    private final GripPublisher grip;

    LiveEvents(JdbcClient db, ClusterMessages cluster, GripPublisher grip) {
        this.db = db;
        this.cluster = cluster;
        this.grip = grip;
    }

    /**
     * Publishes an event when the caller's transaction commits: kept, and sent to every node for the
     * pages open there. Call it last in the transaction.
     *
     * @param onceKey the event's cause, such as {@code comment-12}: it is published once however often
     *     its cause is handled
     * @return the event, or empty if one with the same key was published before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LiveEvent> publish(String topic, String name, String data, String onceKey) {
        Optional<Long> id = db.sql(
                        """
                        INSERT INTO live_event (topic, name, data, once_key, created_at)
                        VALUES (:topic, :name, :data, :onceKey, clock_timestamp())
                        ON CONFLICT (once_key) DO NOTHING RETURNING id""")
                .param("topic", topic)
                .param("name", name)
                .param("data", data)
                .param("onceKey", onceKey)
                .query(Long.class)
                .optional();
        return id.map(eventId -> {
            LiveEvent event = new LiveEvent(eventId, topic, name, data);
            cluster.sendAfterCommit(CHANNEL, event.encode());
            grip.publishAfterCommit(event);
            return event;
        });
    }

    /**
     * Sends the pages on these topics, on every node, each its new state when the caller's transaction
     * commits. The data is worked out once this transaction's turn on every topic has come, so it sees
     * what every earlier one committed: two transactions counting a reader's unread notifications at once
     * would otherwise each miss the other's. The topics' turns are taken in one order, so two callers
     * never wait on each other. Call it last in the transaction.
     *
     * @param data each topic's state
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void tell(Collection<String> topics, String name, Supplier<Map<String, String>> data) {
        if (topics.isEmpty()) {
            return;
        }
        List<String> sorted = topics.stream().distinct().sorted().toList();
        db.sql(
                        """
                        SELECT count(pg_advisory_xact_lock(:locks, k.key))
                        FROM (SELECT DISTINCT hashtext(topic) AS key FROM unnest(CAST(:topics AS text[])) AS topic
                              ORDER BY key) AS k""")
                .param("locks", TELL_LOCKS)
                .param("topics", sorted.toArray(String[]::new))
                .query(Long.class)
                .single();
        Map<String, String> states = data.get();
        List<LiveEvent> events = sorted.stream()
                .map(topic -> new LiveEvent(0, topic, name, states.get(topic)))
                .toList();
        cluster.send(CHANNEL, events.stream().map(LiveEvent::encode).toList());
        events.forEach(grip::publishAfterCommit);
    }

    /**
     * What a page that saw the event {@code lastSeenId} may have missed on these topics, oldest first:
     * the events after it, and those published shortly before it (see {@link #LATE_COMMIT}).
     */
    @Transactional(readOnly = true)
    public List<LiveEvent> after(long lastSeenId, Collection<String> topics) {
        if (topics.isEmpty()) {
            return List.of();
        }
        return db
                .sql(
                        """
                        WITH seen AS (SELECT created_at FROM live_event WHERE id = :seen)
                        (SELECT id, topic, name, data FROM live_event
                         WHERE topic IN (:topics) AND id < :seen
                           AND created_at BETWEEN (SELECT created_at FROM seen) - make_interval(secs => :late)
                                              AND (SELECT created_at FROM seen) + make_interval(secs => :late)
                         ORDER BY id DESC LIMIT :limit)
                        UNION ALL
                        (SELECT id, topic, name, data FROM live_event
                         WHERE topic IN (:topics) AND id > :seen ORDER BY id LIMIT :limit)""")
                .param("topics", topics)
                .param("seen", lastSeenId)
                .param("late", LATE_COMMIT.toSeconds())
                .param("limit", REPLAY_LIMIT)
                .query((rs, n) -> new LiveEvent(
                        rs.getLong("id"), rs.getString("topic"), rs.getString("name"), rs.getString("data")))
                .list()
                .stream()
                .sorted(Comparator.comparingLong(LiveEvent::id))
                .toList();
    }

    /** Deletes the events published before this time. */
    @Transactional
    public int deleteBefore(Instant before) {
        return db.sql("DELETE FROM live_event WHERE created_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
