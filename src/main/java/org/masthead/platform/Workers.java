package org.masthead.platform;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Background workers that work through a queue kept in the database, such as the mail outbox. Each
 * node runs each worker on a thread of its own from the moment the application is ready until it shuts
 * down. A worker takes its turn every poll interval, and at once when a {@link ClusterMessages} message
 * on its wake-up channel reaches this node (sent by whoever queued work, on any node). In a turn it
 * calls its {@link Drain} until that says nothing more is waiting or the application stops; wake-ups
 * that arrive during a turn make it take one more. The queue must be claimed through the database
 * (such as {@code FOR UPDATE SKIP LOCKED}), since every node runs the same workers.
 */
public interface Workers {

    /**
     * Runs a worker on this node: from now if the application is ready, else from when it is.
     *
     * @param name a short name for the thread and the log, such as {@code mail-sender}
     * @param pollInterval how long to wait between turns when nothing wakes it
     * @param wakeChannel the cluster channel whose messages start a turn at once; null for a worker
     *     that only keeps time
     * @param drain the work, one piece per call
     */
    void run(String name, Duration pollInterval, @Nullable String wakeChannel, Drain drain);

    /** One piece of a worker's work. */
    @FunctionalInterface
    interface Drain {

        /**
         * Claims and does one piece of work, such as sending one message. Runs outside any transaction,
         * so that its claim is seen by other nodes at once. An exception ends the turn (it is logged),
         * and the next turn tries again.
         *
         * @return whether there may be more waiting, to be called again at once
         */
        boolean next();
    }
}
