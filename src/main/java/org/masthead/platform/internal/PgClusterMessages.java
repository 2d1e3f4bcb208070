package org.masthead.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.ClusterMessages;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Holds one connection that LISTENs on every subscribed channel and hands each notification to its
 * handlers. A lost connection is re-established; messages sent while it was down are lost, so
 * handlers must treat them as hints (caches also expire on their own). Messages sent after commit wait
 * in a queue that one thread sends in batches, each batch a single statement and so a single commit.
 */
@Component
class PgClusterMessages implements ClusterMessages, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PgClusterMessages.class);
    private static final int MAX_BATCH = 500;
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final SessionConnections sessions;
    private final JdbcClient db;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean resubscribe;
    private Thread listener;
    private final BlockingQueue<Message> afterCommit = new LinkedBlockingQueue<>();
    private Thread sender;
    private final @Nullable ReplicaCatchUp replica;

    private record Message(String channel, String payload) {}

    PgClusterMessages(
            DataSource dataSource, SessionConnections sessions, JdbcClient db, ObjectProvider<ReplicaCatchUp> replica) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.db = db;
        this.replica = replica.getIfAvailable();
    }

    @Override
    public void send(String channel, String payload) {
        send(channel, List.of(payload));
    }

    @Override
    public void send(String channel, List<String> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        db.sql(
                        """
                        SELECT count(pg_notify(:channel, m.payload))
                        FROM (SELECT payload FROM unnest(CAST(:payloads AS text[])) WITH ORDINALITY AS p(payload, n)
                              ORDER BY n) AS m""")
                .param("channel", requireChannel(channel))
                .param("payloads", payloads.toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    @Override
    public void sendAfterCommit(String channel, String payload) {
        Message message = new Message(requireChannel(channel), payload);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    PgClusterMessages.this.afterCommit.add(message);
                }
            });
        } else {
            afterCommit.add(message);
        }
    }

    @Override
    public void subscribe(String channel, Consumer<String> handler) {
        handlers.computeIfAbsent(requireChannel(channel), c -> new CopyOnWriteArrayList<>())
                .add(handler);
        resubscribe = true;
    }

    private static String requireChannel(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        return channel;
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("cluster-messages").start(this::listen);
        sender = Thread.ofPlatform().daemon().name("cluster-messages-sender").start(this::sendQueued);
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        if (sender != null) {
            sender.interrupt();
            try {
                // What is queued goes out while the database is still there.
                sender.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = sessions.open()) {
                connection.setAutoCommit(true);
                PGConnection pg = connection.unwrap(PGConnection.class);
                listenToAll(connection);
                while (running) {
                    if (resubscribe) {
                        listenToAll(connection);
                    }
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        // Each message tells of something committed, which the handlers may read again
                        // (sections, pages): not from a replica that lacks it.
                        if (replica != null && notifications.length > 0) {
                            replica.changed();
                        }
                        for (PGNotification notification : notifications) {
                            deliver(notification.getName(), notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Lost the connection that listens for cluster messages; reconnecting: {}", e.getMessage());
                    sleepQuietly();
                }
            }
        }
    }

    private void sendQueued() {
        List<Message> batch = new ArrayList<>();
        while (running || !afterCommit.isEmpty()) {
            try {
                Message first = running ? afterCommit.take() : afterCommit.poll();
                if (first == null) {
                    return;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                // Stopping: what is queued is still sent.
                continue;
            }
            afterCommit.drainTo(batch, MAX_BATCH - 1);
            try {
                sendAll(batch);
            } catch (SQLException | RuntimeException e) {
                log.warn("Could not send {} cluster messages; they are lost: {}", batch.size(), e.getMessage());
            }
            batch.clear();
        }
    }

    private void sendAll(List<Message> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement(
                        "SELECT count(pg_notify(channel, payload)) FROM unnest(?, ?) AS m(channel, payload)")) {
            connection.setAutoCommit(true);
            notify.setArray(
                    1,
                    connection.createArrayOf(
                            "text", batch.stream().map(Message::channel).toArray()));
            notify.setArray(
                    2,
                    connection.createArrayOf(
                            "text", batch.stream().map(Message::payload).toArray()));
            notify.executeQuery().close();
        }
    }

    private void listenToAll(Connection connection) throws SQLException {
        resubscribe = false;
        try (Statement statement = connection.createStatement()) {
            for (String channel : handlers.keySet()) {
                statement.execute("LISTEN " + channel);
            }
        }
    }

    private void deliver(String channel, String payload) {
        for (Consumer<String> handler : handlers.getOrDefault(channel, List.of())) {
            try {
                handler.accept(payload);
            } catch (RuntimeException e) {
                log.error("A handler of cluster channel {} failed", channel, e);
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
