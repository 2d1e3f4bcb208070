import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load that bench/discussion.sh puts on the forum, as signed-in readers and live listeners do it.
 * Run with the JDK's source launcher; prints one line of {@code key=value} results for the script.
 *
 * <pre>
 * java bench/DiscussionLoad.java post   BASE ARTICLE_ID ACCOUNTS_FILE PASSWORD RATE SECONDS
 * java bench/DiscussionLoad.java listen BASE ARTICLE_ID ACCOUNTS_FILE PASSWORD LISTENERS [LISTEN_BASE]
 * </pre>
 *
 * {@code post} signs in every reader in ACCOUNTS_FILE (one address a line), warms up unmeasured (thirty
 * seconds at half the rate, thirty at the full rate), then posts comments at a fixed RATE per second, whatever the answers take (an open model: a slow answer does not delay the
 * next request, and each latency is measured from when the request was due, so queueing shows).
 * {@code listen} holds LISTENERS open live streams of the article, then posts one comment and times
 * how long each listener takes to hear of it; the streams are opened on LISTEN_BASE (such as a Pushpin in
 * front of the nodes) when it is given, the comment is always posted on BASE.
 */
class DiscussionLoad {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern JSON_CSRF = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern JSON_CSRF_HEADER = Pattern.compile("\"header\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COMMENT_ID = Pattern.compile("\"(?:commentId|id)\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "post" -> post(URI.create(args[1]), Long.parseLong(args[2]), readers(args[3]), args[4],
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "listen" -> listen(URI.create(args[1]), Long.parseLong(args[2]), readers(args[3]), args[4],
                    Integer.parseInt(args[5]), URI.create(args.length > 6 ? args[6] : args[1]));
            default -> {
                System.err.println("usage: post|listen ... (see the comment at the top of DiscussionLoad.java)");
                System.exit(2);
            }
        }
    }

    private static List<String> readers(String file) throws IOException {
        return Files.readAllLines(Path.of(file)).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    // --- Posting ---------------------------------------------------------------------------------------

    private static void post(URI base, long articleId, List<String> emails, String password, int rate, int seconds)
            throws Exception {
        List<Reader> readers = signIn(base, articleId, emails, password);
        // Unmeasured first, as wrk's warm-up is: the posting path's code compiled, its caches filled. A
        // fresh JVM compiles for tens of seconds; at half the rate first, so that its backlog stays small.
        report("warm-up at half rate", schedule(base, articleId, readers, rate / 2, WARMUP_SECONDS, "Slow warm-up"), readers);
        report("warm-up at full rate", schedule(base, articleId, readers, rate, WARMUP_SECONDS, "Fast warm-up"), readers);
        report("measured", schedule(base, articleId, readers, rate, seconds, "Load test"), readers);
    }

    /** Prints a line of results: the last one printed is the measurement. */
    private static void report(String what, Result result, List<Reader> readers) {
        long[] latencies = result.latencies();
        Arrays.sort(latencies);
        System.out.printf(
                "phase=%s requests=%d achieved_rate=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f statuses=%s failures=%d readers=%d%n",
                what.replace(' ', '-'), latencies.length, latencies.length / result.elapsedSeconds(),
                ms(percentile(latencies, 50)), ms(percentile(latencies, 99)), ms(latencies[latencies.length - 1]),
                result.statuses().toString().replace(", ", ","), result.failures(), readers.size());
    }

    private static final int WARMUP_SECONDS = 30;

    private record Result(long[] latencies, double elapsedSeconds, Map<String, Integer> statuses, int failures) {}

    /**
     * Every text differs (moderation refuses a reader's same words again as spam, however often the
     * benchmark runs): the phase, the comment's number, the run.
     */
    private static final long RUN = System.currentTimeMillis();

    /** Posts {@code rate} comments a second for {@code seconds}, on schedule whatever the answers take. */
    private static Result schedule(URI base, long articleId, List<Reader> readers, int rate, int seconds, String label)
            throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int n = i;
                Reader reader = readers.get(i % readers.size());
                requests.submit(() -> {
                    try {
                        String status = reader.comment(base, articleId, label + " comment " + n + " from " + reader.email
                                + " in run " + RUN + ".\n\nA second paragraph, as readers write them.");
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    } finally {
                        latencies[n] = System.nanoTime() - due;
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        Map<String, Integer> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.get()));
        return new Result(latencies, (System.nanoTime() - start) / 1e9, counted, failures.get());
    }

    // --- Listening -------------------------------------------------------------------------------------

    private static void listen(URI base, long articleId, List<String> emails, String password, int listeners,
            URI listenBase) throws Exception {
        Reader poster = signIn(base, articleId, emails.subList(0, 1), password).getFirst();
        CountDownLatch connected = new CountDownLatch(listeners);
        AtomicInteger refused = new AtomicInteger();
        AtomicLong sentAt = new AtomicLong(Long.MAX_VALUE);
        AtomicLong expectedId = new AtomicLong(-1);
        long[] heardAfter = new long[listeners];
        Arrays.fill(heardAfter, -1);
        CountDownLatch heard = new CountDownLatch(listeners);
        List<Socket> sockets = new ArrayList<>();
        try (var streams = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < listeners; i++) {
                int n = i;
                Socket socket = new Socket(listenBase.getHost(), listenBase.getPort());
                synchronized (sockets) {
                    sockets.add(socket);
                }
                streams.submit(() -> {
                    listenOn(socket, listenBase, articleId, connected, refused, () -> {
                        if (heardAfter[n] < 0) {
                            heardAfter[n] = System.nanoTime() - sentAt.get();
                            heard.countDown();
                        }
                    }, expectedId);
                    return null;
                });
                if (i % 250 == 249) {
                    Thread.sleep(50); // a gentle ramp: the server's accept backlog is not the subject here
                }
            }
            if (!connected.await(120, TimeUnit.SECONDS)) {
                System.err.println("only " + (listeners - connected.getCount()) + " streams opened in 2 minutes");
            }
            Thread.sleep(2000);
            long postedAt = System.nanoTime();
            sentAt.set(postedAt);
            long id = poster.commentAndReturnId(
                    base, articleId, "A comment every listener should hear of, in run " + RUN + ".");
            long answeredAfter = System.nanoTime() - postedAt;
            expectedId.set(id);
            heard.await(10, TimeUnit.SECONDS);
            long[] delays = Arrays.stream(heardAfter).filter(d -> d >= 0).sorted().toArray();
            long within1s = Arrays.stream(delays).filter(d -> d <= TimeUnit.SECONDS.toNanos(1)).count();
            System.out.printf(
                    "listeners=%d connected=%d refused=%d heard=%d heard_within_1s=%d post_answered_ms=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                    listeners, listeners - connected.getCount() - refused.get(), refused.get(), delays.length, within1s,
                    ms(answeredAfter), delays.length == 0 ? -1 : ms(percentile(delays, 50)),
                    delays.length == 0 ? -1 : ms(percentile(delays, 99)),
                    delays.length == 0 ? -1 : ms(delays[delays.length - 1]));
            for (Socket socket : sockets) {
                socket.close();
            }
            streams.shutdownNow();
        }
    }

    /**
     * Reads one event stream over a plain socket (5,000 HttpClient streams would cost far more on the
     * client than on the server being measured) and calls {@code onComment} when the awaited comment's
     * event arrives. Before the comment is posted its id is not known, so any comment event then counts.
     */
    private static void listenOn(Socket socket, URI base, long articleId, CountDownLatch connected,
            AtomicInteger refused, Runnable onComment, AtomicLong expectedId) {
        boolean counted = false;
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /live?article=" + articleId + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            if (status == null || !status.contains(" 200")) {
                refused.incrementAndGet();
                return;
            }
            connected.countDown();
            counted = true;
            String event = "";
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && event.equals("comment")) {
                    Matcher id = COMMENT_ID.matcher(line);
                    long expected = expectedId.get();
                    if (expected < 0 || (id.find() && Long.parseLong(id.group(1)) == expected)) {
                        onComment.run();
                    }
                } else if (line.isEmpty()) {
                    event = "";
                }
            }
        } catch (IOException e) {
            // closed at the end of the run
        } finally {
            if (!counted) {
                connected.countDown();
            }
        }
    }

    // --- Readers ---------------------------------------------------------------------------------------

    private static List<Reader> signIn(URI base, long articleId, List<String> emails, String password)
            throws Exception {
        List<Reader> readers = new ArrayList<>();
        try (var signIns = Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Reader>> pending = new ArrayList<>();
            for (String email : emails) {
                pending.add(signIns.submit(() -> Reader.signIn(base, articleId, email, password)));
            }
            for (var reader : pending) {
                readers.add(reader.get());
            }
        }
        return readers;
    }

    /** One signed-in reader with their own cookies and CSRF token. */
    private record Reader(String email, HttpClient http, String csrfHeader, String csrfToken) {

        static Reader signIn(URI base, long articleId, String email, String password) throws Exception {
            HttpClient http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            String form = http.send(HttpRequest.newBuilder(base.resolve("/signin")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF_INPUT.matcher(form);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(base.resolve("/signin"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("email=" + encode(email) + "&password="
                                    + encode(password) + "&_csrf=" + encode(csrf.group(1))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("could not sign in " + email + ": " + signedIn.statusCode() + " " + location);
            }
            String me = http.send(HttpRequest.newBuilder(base.resolve("/discussion/" + articleId + "/me"))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher header = JSON_CSRF_HEADER.matcher(me);
            Matcher token = JSON_CSRF.matcher(me);
            if (!header.find() || !token.find()) {
                throw new IllegalStateException("no CSRF token in /discussion/" + articleId + "/me: " + me);
            }
            return new Reader(email, http, header.group(1), token.group(1));
        }

        /** The answer's status, and "-held" when the comment waits for a moderator. */
        String comment(URI base, long articleId, String text) throws Exception {
            HttpResponse<String> response = send(base, articleId, text);
            return response.statusCode() + (response.body().contains("\"held\":true") ? "-held" : "");
        }

        long commentAndReturnId(URI base, long articleId, String text) throws Exception {
            HttpResponse<String> response = send(base, articleId, text);
            Matcher id = COMMENT_ID.matcher(response.body());
            if (response.statusCode() / 100 != 2 || !id.find()) {
                throw new IllegalStateException("posting answered " + response.statusCode() + ": " + response.body());
            }
            return Long.parseLong(id.group(1));
        }

        private HttpResponse<String> send(URI base, long articleId, String text) throws Exception {
            String json = "{\"body\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                    + "\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}";
            return http.send(HttpRequest.newBuilder(base.resolve("/discussion/" + articleId + "/comments"))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .header(csrfHeader, csrfToken)
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
