package org.masthead.platform.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed number of turns, given in order of arrival, except that a request coming back for the turn it lent
 * ({@link AdmissionFilter#whileWaiting}) goes before every request that has not begun. A comment back from the
 * toxicity scorer has a few milliseconds of work left, a new one all of its own and the scorer's 30 ms wait:
 * in line behind the new ones, a comment waited as long again for a turn after its answer came (50 ms, the
 * median of those that waited, in a profile at 200 comments a second), which a semaphore, fair or not, cannot
 * avoid. The ones that come back are never more than the ones that were let in, so new requests still get their
 * turns.
 */
final class Turns {

    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Waiter> returning = new ArrayDeque<>();
    private final Deque<Waiter> arriving = new ArrayDeque<>();
    private int free;

    Turns(int turns) {
        this.free = turns;
    }

    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        boolean given;
    }

    /** Takes a turn for a new request, waiting at most that long behind the others; false if none came. */
    boolean take(long maxWaitNanos) throws InterruptedException {
        return await(arriving, maxWaitNanos, true);
    }

    /** Takes a turn back after lending it, before any new request, however long that takes. */
    void takeBack() {
        try {
            await(returning, Long.MAX_VALUE, false);
        } catch (InterruptedException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    void give() {
        lock.lock();
        try {
            Waiter next = returning.isEmpty() ? arriving.poll() : returning.poll();
            if (next == null) {
                free++;
            } else {
                next.given = true;
                LockSupport.unpark(next.thread);
            }
        } finally {
            lock.unlock();
        }
    }

    int waiting() {
        lock.lock();
        try {
            return returning.size() + arriving.size();
        } finally {
            lock.unlock();
        }
    }

    /** Waits in the line given, at most {@code maxWaitNanos}; {@code Long.MAX_VALUE} waits as long as it takes. */
    private boolean await(Deque<Waiter> line, long maxWaitNanos, boolean interruptible) throws InterruptedException {
        long start = System.nanoTime();
        Waiter me;
        lock.lock();
        try {
            // A turn is only ever free while no one waits: give() hands it to the first in line.
            if (free > 0) {
                free--;
                return true;
            }
            me = new Waiter();
            line.add(me);
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        try {
            while (true) {
                // Time left from time spent, not from a deadline, which a wait of centuries would overflow.
                long left =
                        maxWaitNanos == Long.MAX_VALUE ? Long.MAX_VALUE : maxWaitNanos - (System.nanoTime() - start);
                lock.lock();
                try {
                    if (me.given) {
                        return true;
                    }
                    if (left <= 0 || (interruptible && interrupted)) {
                        line.remove(me);
                        if (interrupted) {
                            throw new InterruptedException();
                        }
                        return false;
                    }
                } finally {
                    lock.unlock();
                }
                if (left == Long.MAX_VALUE) {
                    LockSupport.park(this);
                } else {
                    LockSupport.parkNanos(this, left);
                }
                interrupted |= Thread.interrupted();
            }
        } finally {
            if (interrupted && !interruptible) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
