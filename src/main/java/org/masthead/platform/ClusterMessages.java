package org.masthead.platform;

import java.util.List;
import java.util.function.Consumer;

/**
 * Small messages between app nodes, carried by PostgreSQL's LISTEN/NOTIFY. A message sent inside a
 * transaction is delivered when it commits, and not at all if it rolls back. Every node receives it,
 * the sender included.
 */
public interface ClusterMessages {

    /**
     * @param channel a lower-case identifier such as {@code page_cache}
     * @param payload at most 7,000 bytes of text
     */
    void send(String channel, String payload);

    /** As {@link #send(String, String)}, for several messages on one channel, in order (in one round trip where it can). */
    default void send(String channel, List<String> payloads) {
        payloads.forEach(payload -> send(channel, payload));
    }

    /**
     * Sends a message once the current transaction has committed (at once outside one), on a connection
     * of its own, together with the other messages due at that moment. For hints that need not be
     * atomic with a change, such as "drop these cached pages": a transaction that sends {@code NOTIFY}
     * takes a lock that every other such transaction waits for until it has committed, so a busy write
     * path should not send its hints itself. A hint is lost if the node stops before sending it.
     *
     * @param channel a lower-case identifier such as {@code page_cache}
     * @param payload at most 7,000 bytes of text
     */
    void sendAfterCommit(String channel, String payload);

    void subscribe(String channel, Consumer<String> handler);
}
