package org.masthead.platform;

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

    void subscribe(String channel, Consumer<String> handler);
}
