package org.masthead.platform;

import java.util.function.Supplier;
import org.masthead.platform.internal.ReplicaRouting;
import org.springframework.stereotype.Component;

/**
 * Reads that may be a moment behind the latest writes, such as search results: with a read replica
 * configured ({@code masthead.db.replica-url}) they go to it, otherwise to the primary like everything
 * else. Nothing inside may write, or read what the same request has just written: a replica refuses
 * writes, and may not have the write yet. A read inside a transaction already begun stays on that
 * transaction's connection, the primary's.
 *
 * <p>A page rendered from the replica is cached as it was read: after a change purges it, a replica that
 * has not caught up yet makes the fresh copy a stale one, until the next change or its max-age. So only
 * what may be stale that long belongs here.
 */
@Component
public class StaleReads {

    /** Runs the work with its database reads on the replica, when there is one. */
    public <T> T read(Supplier<T> work) {
        return ReplicaRouting.onReplica(work);
    }
}
