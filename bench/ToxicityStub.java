import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A stand-in for Google's Perspective API for bench/discussion.sh: it answers every
 * {@code comments:analyze} request after a fixed delay with a low TOXICITY score, so the toxicity step
 * runs the production adapter (PerspectiveToxicityScorer, HTTP and JSON included) at a known cost
 * without reaching the internet. The app finds it through masthead.moderation.toxicity.perspective-url.
 *
 *   java bench/ToxicityStub.java PORT DELAY_MS
 */
public class ToxicityStub {

    private static final byte[] ANSWER = "{\"attributeScores\":{\"TOXICITY\":{\"summaryScore\":{\"value\":0.05,\"type\":\"PROBABILITY\"}}}}"
            .getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long delay = Long.parseLong(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        // Each request waits out its delay on a thread of its own, as a remote service would answer in
        // parallel: the delay is latency, not a queue.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1alpha1/comments:analyze", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        });
        server.start();
        System.out.println("listening on 127.0.0.1:" + port + ", answering after " + delay + " ms");
    }
}
