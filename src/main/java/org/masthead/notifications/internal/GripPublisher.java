package org.masthead.notifications.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.masthead.notifications.NotificationsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands live events to the GRIP proxies in {@code masthead.notifications.grip-publish-urls} (Pushpin),
 * which hold the readers' streams: each event is published once, by the node whose transaction made
 * it, to each proxy, as the same server-sent event a direct stream carries. The proxy relays it to every
 * stream subscribed to its topic (see {@code LiveController}).
 *
 * <p>Events are queued as their transaction commits and sent in batches, so no request waits for a proxy.
 * Each proxy has a queue and a sender of its own, so that one that is slow to answer, or down, keeps no
 * event from the others. One that does not answer is tried again for {@link #GIVE_UP_AFTER}; events it
 * misses meanwhile are sent to pages when they next reconnect ({@code Last-Event-ID}), as with a node
 * restart in direct mode.
 */
@Component
public class GripPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GripPublisher.class);

    private static final int MAX_BATCH = 500;
    private static final int QUEUE_LIMIT = 100_000;
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(10);

    /** What one GRIP publish item carries: a server-sent event's text, or closing the streams. */
    private record Item(String channel, Map<String, Object> httpStream) {}

    /** One proxy's publish endpoint and what waits to be sent to it. */
    private record Proxy(URI publish, BlockingQueue<Item> queue) {}

    private final List<Proxy> proxies;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile boolean running;
    private final List<Thread> senders = new ArrayList<>();

    GripPublisher(NotificationsProperties properties) {
        this.proxies = properties.gripPublishUrls().stream()
                .map(url -> URI.create(url.endsWith("/") ? url : url + "/").resolve("publish/"))
                .map(publish -> new Proxy(publish, new ArrayBlockingQueue<>(QUEUE_LIMIT)))
                .toList();
    }

    /** Whether streams are held by a GRIP proxy rather than by this node. */
    private boolean enabled() {
        return !proxies.isEmpty();
    }

    /** Publishes the event to its topic's streams once the caller's transaction commits. */
    void publishAfterCommit(LiveEvent event) {
        if (enabled()) {
            afterCommit(new Item(event.topic(), Map.of("content", event.asStreamText())));
        }
    }

    /** Sends these events to the one stream whose own channel this is. */
    void publishToStream(String channel, List<LiveEvent> events) {
        StringBuilder text = new StringBuilder();
        events.forEach(event -> text.append(event.asStreamText()));
        enqueue(new Item(channel, Map.of("content", text.toString())));
    }

    /** Ends the one stream whose own channel this is. */
    void closeStream(String channel) {
        enqueue(new Item(channel, Map.of("action", "close")));
    }

    /** Ends the streams carrying the events of the session referred to: it has been signed out. */
    void closeSession(String session) {
        if (enabled()) {
            afterCommit(new Item(sessionChannel(session), Map.of("action", "close")));
        }
    }

    /** A new channel for one stream alone. */
    static String streamChannel() {
        return "stream-" + UUID.randomUUID();
    }

    /** The channel of the streams that carry a session's events, so that they can be closed together. */
    public static String sessionChannel(String session) {
        return "session-" + session;
    }

    private void afterCommit(Item item) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enqueue(item);
                }
            });
        } else {
            enqueue(item);
        }
    }

    private void enqueue(Item item) {
        for (Proxy proxy : proxies) {
            if (!proxy.queue().offer(item)) {
                log.warn(
                        "The GRIP publish queue for {} is full; an event for {} is dropped",
                        proxy.publish(),
                        item.channel());
            }
        }
    }

    private void sendQueued(Proxy proxy) {
        List<Item> batch = new ArrayList<>();
        while (running || !proxy.queue().isEmpty()) {
            try {
                Item first = running ? proxy.queue().take() : proxy.queue().poll();
                if (first == null) {
                    return;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                // Stopping: what is queued is still sent.
                continue;
            }
            proxy.queue().drainTo(batch, MAX_BATCH - 1);
            byte[] body = json.writeValueAsBytes(Map.of(
                    "items",
                    batch.stream()
                            .map(item -> Map.of(
                                    "channel", item.channel(), "formats", Map.of("http-stream", item.httpStream())))
                            .toList()));
            publish(proxy.publish(), body, batch.size());
            batch.clear();
        }
    }

    private void publish(URI endpoint, byte[] body, int items) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long pause = 100;
        while (true) {
            String failure;
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status / 100 == 2) {
                    return;
                }
                failure = "answered " + status;
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                // Stopping: one last try is all there is time for.
                failure = "interrupted";
            }
            if (!running || System.nanoTime() - giveUpAt > 0) {
                log.warn(
                        "Could not publish {} live events to {} ({}); pages get them when they reconnect",
                        items,
                        endpoint,
                        failure);
                return;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pause = Math.min(pause * 2, 2000);
        }
    }

    @Override
    public void start() {
        running = true;
        for (Proxy proxy : proxies) {
            senders.add(Thread.ofPlatform()
                    .daemon()
                    .name("grip-publisher-" + senders.size())
                    .start(() -> sendQueued(proxy)));
        }
    }

    @Override
    public void stop() {
        running = false;
        senders.forEach(Thread::interrupt);
        // The senders finish together, each sending what it still holds, within one shared wait.
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        for (Thread sender : senders) {
            try {
                sender.join(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        senders.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
