package org.masthead.notifications.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.masthead.notifications.NotificationsProperties;
import org.masthead.platform.ClusterMessages;
import org.masthead.platform.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live connections open on this node, by topic. Every node hears every live event (through {@link
 * ClusterMessages}) and hands it to its own connections on that topic: the event is rendered once and
 * queued on each, which costs the delivering thread microseconds per connection whatever the readers'
 * networks do (see {@link LiveConnection}).
 */
@Component
public class LiveConnections implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveConnections.class);

    private final Map<String, Set<LiveConnection>> byTopic = new ConcurrentHashMap<>();
    private final Map<String, Set<LiveConnection>> bySession = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    /**
     * Platform threads, as everywhere in Masthead (a virtual thread loading a class can stop the node: see
     * docs/start-up.md), kept for a minute after their last write so that a new event's fan-out mostly
     * finds them idle rather than starting new ones.
     */
    private final ExecutorService writers = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("live-send-", 0).daemon().factory());

    /** The name of the event that gives a new page the id of the newest event this node has seen. */
    static final String RESUME = "resume";

    /**
     * How long a new stream held by a GRIP proxy is sent again what this node hears on its topics: ample
     * time for the proxy to have subscribed it.
     */
    static final Duration HELD_CATCH_UP = Duration.ofSeconds(2);

    /** A new stream held by a GRIP proxy, and the events on its topics heard since it was answered. */
    private record CatchUp(String channel, Set<String> topics, Queue<LiveEvent> heard) {}

    private final Map<String, Set<CatchUp>> catchingUp = new ConcurrentHashMap<>();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-catch-up").daemon().factory());

    /** The newest event this node has heard of, on any topic. */
    private final AtomicLong newest = new AtomicLong();

    private final LiveEvents events;
    private final GripPublisher grip;
    private final NotificationsProperties properties;
    private volatile boolean running;

    LiveConnections(
            LiveEvents events,
            GripPublisher grip,
            NotificationsProperties properties,
            ClusterMessages cluster,
            Workers workers,
            MeterRegistry meters) {
        this.events = events;
        this.grip = grip;
        this.properties = properties;
        cluster.subscribe(LiveEvents.CHANNEL, this::deliver);
        workers.run("live-heartbeat", properties.liveHeartbeat(), null, () -> {
            heartbeat();
            return false;
        });
        Gauge.builder("masthead.live.connections", open, AtomicInteger::get)
                .description("Live (server-sent events) connections open on this node")
                .register(meters);
    }

    /**
     * Opens a live connection on these topics.
     *
     * @param lastSeenId the id of the last event the page saw (its {@code Last-Event-ID}), to be sent
     *     everything after it; null for a page that has seen nothing yet
     * @param current what the page needs first however it connects, such as the reader's unread count;
     *     asked after the connection is registered, so that no change falls between the two
     * @param session the reference to the signed-in session whose reader's events it carries, if any:
     *     the connection is closed when that session ends (see {@link #closeSession})
     * @return the stream, or empty if this node holds as many as it may
     *     ({@code masthead.notifications.live-max-streams})
     */
    public Optional<SseEmitter> open(
            Set<String> topics,
            @Nullable Long lastSeenId,
            Supplier<List<LiveEvent>> current,
            @Nullable String session) {
        if (open.incrementAndGet() > properties.liveStreamLimit()) {
            open.decrementAndGet();
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(timeout().toMillis());
        LiveConnection connection =
                new LiveConnection(emitter, topics, session, properties.liveQueueLimit(), this::forget, writers);
        emitter.onTimeout(connection::close);
        emitter.onError(error -> connection.ended());
        emitter.onCompletion(connection::ended);
        for (String topic : topics) {
            byTopic.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(connection);
        }
        if (session != null) {
            bySession
                    .computeIfAbsent(session, s -> ConcurrentHashMap.newKeySet())
                    .add(connection);
        }
        List<LiveConnection.Frame> first = new ArrayList<>();
        first.add(LiveConnection.Frame.OPENING);
        firstEvents(topics, lastSeenId, current).forEach(event -> first.add(LiveConnection.Frame.of(event)));
        connection.start(first);
        return Optional.of(emitter);
    }

    /** What a stream held by a GRIP proxy is answered with: the channel of its own, and its first events. */
    public record HeldOpening(String channel, String text) {}

    /**
     * What a stream held by a GRIP proxy starts with: the same as a stream held here, and a channel of its
     * own. The proxy subscribes the stream to its topics only once it has this answer, so an event that
     * commits just after the events here were read could be published before the stream hears it: the
     * stream is therefore sent again, on its own channel, whatever this node hears on its topics during
     * {@link #HELD_CATCH_UP} (pages take an event they have already had only once).
     */
    public HeldOpening openHeldStream(
            Set<String> topics, @Nullable Long lastSeenId, Supplier<List<LiveEvent>> current) {
        CatchUp catchUp = new CatchUp(GripPublisher.streamChannel(), topics, new ConcurrentLinkedQueue<>());
        // Listening before reading, as for a stream held here.
        for (String topic : topics) {
            catchingUp
                    .computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet())
                    .add(catchUp);
        }
        later.schedule(() -> finish(catchUp), HELD_CATCH_UP.toMillis(), TimeUnit.MILLISECONDS);
        // Ended when a stream held here would be, so that the page's next stream checks its ticket again.
        later.schedule(() -> grip.closeStream(catchUp.channel()), timeout().toMillis(), TimeUnit.MILLISECONDS);
        StringBuilder text = new StringBuilder(LiveConnection.Frame.OPENING_TEXT);
        firstEvents(topics, lastSeenId, current).forEach(event -> text.append(event.asStreamText()));
        return new HeldOpening(catchUp.channel(), text.toString());
    }

    private void finish(CatchUp catchUp) {
        for (String topic : catchUp.topics()) {
            catchingUp.computeIfPresent(topic, (t, all) -> {
                all.remove(catchUp);
                return all.isEmpty() ? null : all;
            });
        }
        if (!catchUp.heard().isEmpty()) {
            grip.publishToStream(catchUp.channel(), List.copyOf(catchUp.heard()));
        }
    }

    /** What every stream is sent at its opening after the opening frame itself. */
    private List<LiveEvent> firstEvents(
            Set<String> topics, @Nullable Long lastSeenId, Supplier<List<LiveEvent>> current) {
        List<LiveEvent> first = new ArrayList<>();
        if (lastSeenId != null) {
            first.addAll(events.after(lastSeenId, topics));
        } else if (newest.get() > 0) {
            // A place to resume from, for a page that sees nothing before its stream closes: without it,
            // what came while it was closed could not be asked for.
            first.add(new LiveEvent(newest.get(), "", RESUME, "{}"));
        }
        first.addAll(current.get());
        return first;
    }

    /**
     * A little less than the configured timeout, at random: pages opened at the same moment (after a
     * deploy, or a link shared widely) then reconnect spread out rather than all at once.
     */
    private Duration timeout() {
        long full = properties.liveTimeout().toMillis();
        return Duration.ofMillis(full - ThreadLocalRandom.current().nextLong(full / 5 + 1));
    }

    private void deliver(String message) {
        LiveEvent event = LiveEvent.decode(message);
        newest.accumulateAndGet(event.id(), Math::max);
        Set<CatchUp> catchUps = catchingUp.get(event.topic());
        if (catchUps != null) {
            catchUps.forEach(catchUp -> catchUp.heard().add(event));
        }
        Set<LiveConnection> listeners = byTopic.get(event.topic());
        if (listeners == null || listeners.isEmpty()) {
            return;
        }
        LiveConnection.Frame frame = LiveConnection.Frame.of(event);
        for (LiveConnection connection : listeners) {
            connection.offer(frame);
        }
    }

    /**
     * Closes this node's connections that carry the events of the session referred to: it has been
     * signed out. Their browsers reconnect, and their tickets are no longer accepted.
     */
    void closeSession(String session) {
        Set<LiveConnection> carrying = bySession.remove(session);
        if (carrying != null) {
            carrying.forEach(LiveConnection::close);
        }
    }

    private void forget(LiveConnection connection) {
        String session = connection.session();
        if (session != null) {
            Set<LiveConnection> carrying = bySession.get(session);
            if (carrying != null) {
                carrying.remove(connection);
                if (carrying.isEmpty()) {
                    bySession.remove(session, carrying);
                }
            }
        }
        boolean wasOpen = false;
        for (String topic : connection.topics()) {
            Set<LiveConnection> listeners = byTopic.get(topic);
            if (listeners != null) {
                wasOpen |= listeners.remove(connection);
                if (listeners.isEmpty()) {
                    byTopic.remove(topic, listeners);
                }
            }
        }
        if (wasOpen) {
            open.decrementAndGet();
        }
    }

    /**
     * Writes a comment line to every connection now and then: proxies keep the connection open, and a
     * reader who has gone shows as a failed write, which closes it.
     */
    void heartbeat() {
        Set<LiveConnection> all = ConcurrentHashMap.newKeySet();
        byTopic.values().forEach(all::addAll);
        all.forEach(connection -> connection.offer(LiveConnection.Frame.HEARTBEAT));
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every connection on shutdown, so that browsers reconnect (to another node) at once. */
    @Override
    public void stop() {
        running = false;
        Set<LiveConnection> all = ConcurrentHashMap.newKeySet();
        byTopic.values().forEach(all::addAll);
        if (!all.isEmpty()) {
            log.info("Closing {} live connections", all.size());
        }
        all.forEach(LiveConnection::close);
        later.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
