package org.masthead.notifications.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open {@code /live} response and what waits to be written to it. Events are queued, never
 * written by the thread that delivers them: a thread of the writers' pool drains the queue while it has
 * something, so a slow reader holds up only their own queue, and an idle connection holds no thread at
 * all. A reader who falls too far behind is disconnected; their browser reconnects and is sent what it
 * missed.
 */
final class LiveConnection {

    /** An event rendered once, as every connection on its topic writes it. */
    record Frame(long id, Set<DataWithMediaType> content) {

        private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

        /** A comment line: proxies see traffic, and browsers ignore it. */
        static final String HEARTBEAT_TEXT = ":\n\n";

        /** Asks the browser to wait a few seconds before reconnecting after the connection ends. */
        static final String OPENING_TEXT = "retry:3000\n\n";

        static Frame of(LiveEvent event) {
            return new Frame(event.id(), Set.of(new DataWithMediaType(event.asStreamText(), TEXT)));
        }

        static final Frame HEARTBEAT = new Frame(0, Set.of(new DataWithMediaType(HEARTBEAT_TEXT, TEXT)));

        /**
         * The first thing written, so that the response's headers leave at once (the browser then knows
         * the connection is open) rather than with the first event, perhaps minutes later.
         */
        static final Frame OPENING = new Frame(0, Set.of(new DataWithMediaType(OPENING_TEXT, TEXT)));
    }

    private final SseEmitter emitter;
    private final Set<String> topics;
    private final @Nullable String session;
    private final int queueLimit;
    private final Consumer<LiveConnection> onClose;
    private final Executor writers;

    // Guarded by this.
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    private @Nullable List<Frame> arrivingWhileStarting = new ArrayList<>();
    private boolean draining;
    private boolean closed;

    // Guarded by this: what was replayed to this connection, which may arrive again as it happens.
    private final Set<Long> replayed = new HashSet<>();

    /**
     * @param writers runs each connection's writing; it must start a thread at once for each task (a pool
     *     without bound), since a slow reader's write may take as long as the network lets it
     */
    LiveConnection(
            SseEmitter emitter,
            Set<String> topics,
            @Nullable String session,
            int queueLimit,
            Consumer<LiveConnection> onClose,
            Executor writers) {
        this.emitter = emitter;
        this.topics = Set.copyOf(topics);
        this.session = session;
        this.queueLimit = queueLimit;
        this.onClose = onClose;
        this.writers = writers;
    }

    Set<String> topics() {
        return topics;
    }

    /** The reference to the signed-in session whose events this connection carries, if any. */
    @Nullable
    String session() {
        return session;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /**
     * Sends what the page missed and what it needs first, then the events that arrived meanwhile; an
     * event both replayed and arriving is sent once.
     *
     * <p>Call it on the request's thread, before the emitter is returned: the first frames are written
     * here, so the emitter keeps them and writes them as Spring starts the response, on that same thread.
     * The response is then committed, its headers complete, before the request's thread goes back through
     * the filters, which write headers of their own on the way out unless it is. Written later by a
     * writer's thread instead, the first frame could commit the response while those filters still wrote to
     * it: the server's response headers are not safe for two threads, and under load they were left broken (a
     * {@code NullPointerException} in {@code MimeHeaders}, the stream lost).
     */
    void start(List<Frame> first) {
        synchronized (this) {
            if (closed || arrivingWhileStarting == null) {
                return;
            }
            for (Frame frame : first) {
                if (frame.id() > 0) {
                    replayed.add(frame.id());
                }
            }
            arrivingWhileStarting.stream().filter(this::isNew).forEach(queue::add);
            arrivingWhileStarting = null;
            // What arrives from now on waits in the queue until the first frames are written.
            draining = true;
        }
        for (Frame frame : first) {
            if (!send(frame)) {
                return;
            }
        }
        synchronized (this) {
            draining = false;
        }
        drainIfIdle();
    }

    /** Queues a frame for this connection; never blocks on the network. */
    void offer(Frame frame) {
        boolean overflow;
        synchronized (this) {
            if (closed || !isNew(frame)) {
                return;
            }
            List<Frame> starting = arrivingWhileStarting;
            if (starting != null) {
                starting.add(frame);
                overflow = starting.size() > queueLimit;
            } else {
                queue.add(frame);
                overflow = queue.size() > queueLimit;
            }
        }
        if (overflow) {
            close();
        } else {
            drainIfIdle();
        }
    }

    private void drainIfIdle() {
        synchronized (this) {
            if (draining || closed || queue.isEmpty()) {
                return;
            }
            draining = true;
        }
        writers.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Frame frame;
            synchronized (this) {
                frame = closed ? null : queue.poll();
                if (frame == null) {
                    draining = false;
                    return;
                }
            }
            if (!send(frame)) {
                return;
            }
        }
    }

    /** Writes a frame, by the thread that is draining; false, and closed, when the reader has gone. */
    private boolean send(Frame frame) {
        try {
            emitter.send(frame.content());
            return true;
        } catch (IOException | IllegalStateException gone) {
            // The reader left (or the response already ended): nothing more to send them.
            synchronized (this) {
                draining = false;
            }
            close();
            return false;
        }
    }

    // Guarded by this.
    private boolean isNew(Frame frame) {
        return frame.id() == 0 || !replayed.contains(frame.id());
    }

    /**
     * Forgets the connection and ends the response, if it has not ended. Safe to call repeatedly and
     * from any thread: ending waits for a write in progress (to a slow reader, perhaps), so it happens
     * on a thread of its own rather than the caller's, which may be delivering to everyone.
     */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            arrivingWhileStarting = null;
        }
        onClose.accept(this);
        writers.execute(() -> {
            try {
                emitter.complete();
            } catch (RuntimeException alreadyEnded) {
                // Nothing left to end.
            }
        });
    }

    /** Forgets the connection after the container ended the response (timeout, error, completion). */
    void ended() {
        synchronized (this) {
            closed = true;
            queue.clear();
            arrivingWhileStarting = null;
        }
        onClose.accept(this);
    }
}
