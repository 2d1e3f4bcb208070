package org.masthead.platform.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.ClusterMessages;
import org.masthead.platform.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs each worker on a platform thread of its own, not a virtual one: a worker lives as long as the
 * application, spends its time blocked on the database, a mail server or an HTTP call, and may be the
 * first to load a class; a handful of long-lived platform threads cost nothing, and none of them can
 * pin or starve the carriers that serve requests. Workers start when the application is ready, so they
 * never race its start-up, and stop before the database goes away on shutdown.
 */
@Component
class ThreadWorkers implements Workers, SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

    /** How long shutdown waits for a worker to finish the piece of work in hand. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(ThreadWorkers.class);

    private final ClusterMessages cluster;
    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private volatile boolean ready;
    private volatile boolean running;

    ThreadWorkers(ClusterMessages cluster) {
        this.cluster = cluster;
    }

    @Override
    public void run(String name, Duration pollInterval, @Nullable String wakeChannel, Drain drain) {
        Worker worker = new Worker(name, pollInterval, drain);
        workers.add(worker);
        if (wakeChannel != null) {
            cluster.subscribe(wakeChannel, payload -> worker.wake());
        }
        synchronized (this) {
            if (ready && running) {
                worker.start();
            }
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        synchronized (this) {
            if (ready || !running) {
                return;
            }
            ready = true;
            workers.forEach(Worker::start);
        }
    }

    /**
     * Marks the application as running. The first time, workers wait for it to be ready; a context
     * started again after a stop (as the test framework does with contexts it keeps) starts them at once.
     */
    @Override
    public void start() {
        synchronized (this) {
            running = true;
            if (ready) {
                workers.forEach(Worker::start);
            }
        }
    }

    @Override
    public void stop() {
        synchronized (this) {
            running = false;
        }
        workers.forEach(Worker::stop);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Worker worker : workers) {
            worker.awaitEnd(deadline);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One worker: a thread per run, taking a turn, then waiting for the poll interval or a wake-up. */
    private static final class Worker {

        private final String name;
        private final Duration pollInterval;
        private final Drain drain;

        // Guarded by this.
        private @Nullable Run run;

        Worker(String name, Duration pollInterval, Drain drain) {
            this.name = name;
            this.pollInterval = pollInterval;
            this.drain = drain;
        }

        synchronized void start() {
            if (run == null || run.stopped) {
                run = new Run();
                run.thread = Thread.ofPlatform().daemon().name("worker-" + name).start(run::loop);
            }
        }

        synchronized void wake() {
            if (run != null) {
                run.wake();
            }
        }

        synchronized void stop() {
            if (run != null) {
                run.stop();
            }
        }

        void awaitEnd(long deadline) {
            Thread thread;
            synchronized (this) {
                thread = run == null ? null : run.thread;
            }
            if (thread == null) {
                return;
            }
            try {
                thread.join(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("Worker {} is still busy at shutdown; another node takes over what it held", name);
            }
        }

        /** One thread's life, from a start to a stop: a stopped run never starts again. */
        private final class Run {

            private volatile boolean stopped;
            private @Nullable Thread thread;

            // Guarded by this.
            private boolean woken;

            synchronized void wake() {
                woken = true;
                notifyAll();
            }

            synchronized void stop() {
                stopped = true;
                notifyAll();
            }

            void loop() {
                while (!stopped) {
                    turn();
                    awaitTurn();
                }
            }

            private void turn() {
                try {
                    while (!stopped && drain.next()) {
                        // One piece at a time, checking between pieces whether the application is stopping.
                    }
                } catch (RuntimeException e) {
                    if (!stopped) {
                        log.warn("Worker {} failed; it tries again at its next turn", name, e);
                    }
                }
            }

            private synchronized void awaitTurn() {
                long deadline = System.nanoTime() + pollInterval.toNanos();
                while (!woken && !stopped) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        wait(Math.max(left / 1_000_000, 1));
                    } catch (InterruptedException e) {
                        // Only a piece of work that was interrupted leaves this behind: carry on.
                    }
                }
                woken = false;
            }
        }
    }
}
