package org.masthead.platform;

/**
 * The turns this node works on requests in ({@code masthead.concurrency.requests}): a request past the
 * page cache holds one while it runs, so that a burst queues instead of sharing the CPUs and the
 * database connections thinly. A request that is about to wait for a service elsewhere, doing nothing
 * here, lends its turn to the next in line while it waits.
 */
public interface Admission {

    /**
     * Runs {@code wait} without the current request's turn, then waits for a turn again (behind the
     * requests already in line) before returning. Outside a request that holds a turn, just runs it.
     */
    void whileWaiting(Runnable wait);
}
