import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for Google's Perspective API for bench/discussion.sh: it answers every
 * {@code comments:analyze} request after a fixed delay with a low TOXICITY score, so the toxicity step
 * runs the production adapter (PerspectiveToxicityScorer, HTTP and JSON included) at a known cost
 * without reaching the internet. The app finds it through masthead.moderation.toxicity.perspective-url.
 *
 *   java bench/ToxicityStub.java PORT DELAY_MS
 *
 * It shares the machine with the app it stands in for, which the real service never does, so it spends as
 * little as it can: the server's own thread reads each request and books its answer, and one timer thread
 * sends the answers when they are due. A thread per request, each sleeping out the delay, took 0.4 ms of
 * CPU a comment.
 */
public class ToxicityStub {

    private static final byte[] ANSWER = "{\"attributeScores\":{\"TOXICITY\":{\"summaryScore\":{\"value\":0.05,\"type\":\"PROBABILITY\"}}}}"
            .getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long delay = Long.parseLong(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();
        // The delay is latency, not a queue: each request's answer is due DELAY_MS after it arrived, however
        // many are waiting.
        server.createContext("/v1alpha1/comments:analyze", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            answers.schedule(() -> answer(exchange), delay, TimeUnit.MILLISECONDS);
        });
        server.start();
        System.out.println("listening on 127.0.0.1:" + port + ", answering after " + delay + " ms");
    }

    private static void answer(HttpExchange exchange) {
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            out.write(ANSWER);
        } catch (IOException gone) {
            exchange.close();
        }
    }
}
