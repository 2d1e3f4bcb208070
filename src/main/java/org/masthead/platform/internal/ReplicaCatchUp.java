package org.masthead.platform.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the read replica has replayed every change this node has heard of. Cached pages are dropped when
 * their content changes, and the copy rendered next is kept: rendered from a replica that has not replayed
 * the change yet, that copy would be the old page, kept until the next change; the same goes for what a node
 * keeps in memory and reads again when told of a change, such as the sections. So from the moment this node
 * hears of a change ({@link #changed}: its own pages dropped at commit, or any message from another node)
 * until the replica has replayed the primary's log up to where it stood
 * after that change, reads meant for the replica go to the primary ({@link ReplicaRouting}). The same holds
 * for the caches in front of Masthead: their purge waits for the replica ({@link #awaitReplay}).
 *
 * <p>One thread keeps watch: it asks the primary where its log stands after each change it hears of, and
 * the replica how far it has replayed, every few milliseconds while it is behind and a few times a second
 * otherwise. A replica that does not answer, or is not a standby at all, is behind: reads stay on the
 * primary until it answers again.
 */
final class ReplicaCatchUp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaCatchUp.class);

    /** Where the primary's log must be replayed to, while the primary has not said yet. */
    private static final long NOT_KNOWN = Long.MAX_VALUE;

    private static final long BEHIND = -1;
    private static final Duration WHILE_BEHIND = Duration.ofMillis(2);
    private static final Duration WHILE_CAUGHT_UP = Duration.ofMillis(250);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);
    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource primary;
    private final String replicaUrl;
    private final Properties replicaCredentials = new Properties();
    private final Thread watcher;

    /** Changes heard of; the watcher has asked the primary where its log stood after the first {@link #fenced}. */
    private long changes;

    private long fenced;

    /** The primary's log position the replica must replay to before reads may go to it. */
    private volatile long required = NOT_KNOWN;

    /** How far the replica has replayed the primary's log, or {@link #BEHIND} when it does not say. */
    private volatile long replayed = BEHIND;

    private volatile boolean running = true;
    private boolean warnedNotAStandby;
    private @Nullable Connection replica;

    ReplicaCatchUp(DataSource primary, String replicaUrl, @Nullable String user, @Nullable String password) {
        this.primary = primary;
        this.replicaUrl = replicaUrl;
        if (user != null) {
            replicaCredentials.setProperty("user", user);
        }
        if (password != null) {
            replicaCredentials.setProperty("password", password);
        }
        replicaCredentials.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        replicaCredentials.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS));
        replicaCredentials.setProperty("ApplicationName", "masthead replica watch");
        // Started as if a change had just been heard of: this node does not know what happened before it.
        changes = 1;
        watcher = Thread.ofPlatform().name("replica-catch-up").daemon().start(this::watch);
    }

    /** Whether reads meant for the replica may go to it now. */
    boolean caughtUp() {
        return replayed >= required;
    }

    /** Content has changed: reads stay on the primary until the replica has replayed the change. */
    void changed() {
        synchronized (this) {
            changes++;
            required = NOT_KNOWN;
        }
        LockSupport.unpark(watcher);
    }

    /** The replica failed a reader: behind until the watch hears from it again. */
    void unreachable() {
        replayed = BEHIND;
        LockSupport.unpark(watcher);
    }

    /**
     * Waits until the replica has replayed everything committed on the primary so far, or the timeout has
     * passed; whether it has. A replica that does not answer takes no reads, so it is not waited for.
     */
    boolean awaitReplay(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long position;
        try {
            position = primaryPosition();
        } catch (SQLException e) {
            log.warn("Could not ask the primary where its log stands: {}", e.getMessage());
            return false;
        }
        while (replayed != BEHIND && replayed < position) {
            if (System.nanoTime() >= deadline || !running) {
                return false;
            }
            LockSupport.unpark(watcher);
            LockSupport.parkNanos(WHILE_BEHIND.toNanos());
        }
        return true;
    }

    private void watch() {
        while (running) {
            Duration pause = WHILE_CAUGHT_UP;
            try {
                fence();
                replayed = replayedPosition();
                if (!caughtUp()) {
                    pause = WHILE_BEHIND;
                }
            } catch (SQLException e) {
                replayed = BEHIND;
                closeReplica();
                log.debug("The read replica does not answer: {}", e.getMessage());
                pause = AFTER_FAILURE;
            }
            LockSupport.parkNanos(pause.toNanos());
        }
        closeReplica();
    }

    /** After changes heard of, asks the primary where its log stands, which the replica must then reach. */
    private void fence() throws SQLException {
        long heard;
        synchronized (this) {
            heard = changes;
            if (heard == fenced) {
                return;
            }
        }
        long position = primaryPosition();
        synchronized (this) {
            // A change heard of meanwhile may not be before this position: it is asked about next time.
            if (changes == heard) {
                required = position;
            }
            fenced = heard;
        }
    }

    private long primaryPosition() throws SQLException {
        try (Connection connection = primary.getConnection();
                Statement statement = connection.createStatement();
                ResultSet position = statement.executeQuery("SELECT pg_current_wal_lsn() - '0/0'")) {
            position.next();
            return position.getLong(1);
        }
    }

    private long replayedPosition() throws SQLException {
        if (replica == null || replica.isClosed()) {
            replica = DriverManager.getConnection(replicaUrl, replicaCredentials);
            replica.setAutoCommit(true);
        }
        try (Statement statement = replica.createStatement();
                ResultSet position = statement.executeQuery("SELECT pg_last_wal_replay_lsn() - '0/0'")) {
            position.next();
            long replayedTo = position.getLong(1);
            if (position.wasNull()) {
                if (!warnedNotAStandby) {
                    warnedNotAStandby = true;
                    log.warn("masthead.db.replica-url names a server that is not a standby: reads stay on the primary");
                }
                return BEHIND;
            }
            return replayedTo;
        }
    }

    private void closeReplica() {
        if (replica != null) {
            try {
                replica.close();
            } catch (SQLException e) {
                log.debug("Closing the replica watch's connection", e);
            }
            replica = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        LockSupport.unpark(watcher);
        watcher.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS * 2L));
    }
}
