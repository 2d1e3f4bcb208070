package org.masthead.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a server-sent event stream as a browser's EventSource would, for tests. */
public final class SseClient implements AutoCloseable {

    /** One event; {@code id} is null when the event carried none. */
    public record Event(String id, String name, String data) {}

    /**
     * HTTP/1.1, as a browser's EventSource speaks it. Java's client would otherwise offer an upgrade to
     * h2c, which Pushpin forwards without the Connection header that goes with it, and Jetty refuses such a
     * request (400).
     */
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    /** Connects and waits for the response headers; {@code headers} are name/value pairs. */
    public SseClient(int port, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(2));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        reader = Thread.ofPlatform().daemon().start(this::read);
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private void read() {
        String id = null;
        String name = "message";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // The test closed the stream.
        }
    }

    /** The next event, waiting up to the timeout; fails if none comes. */
    Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("No event within " + timeout);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event with this name, skipping others. */
    public Event next(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event.name().equals(name)) {
                return event;
            }
        }
    }

    /** Whether the server ends the stream within the wait. */
    boolean ends(Duration wait) {
        try {
            return reader.join(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every event that arrives within the wait. */
    List<Event> drain(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Event> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    @Override
    public void close() {
        reader.interrupt();
        client.shutdownNow();
    }
}
