import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
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
 * java bench/DiscussionLoad.java listen BASE ARTICLE_ID ACCOUNTS_FILE PASSWORD LISTENERS [LISTEN_BASE[,LISTEN_BASE...]]
 * java bench/DiscussionLoad.java reply  BASE ARTICLE_ID ACCOUNTS_FILE PASSWORD COMMENT_ID SECONDS ACKED_FILE
 * </pre>
 *
 * {@code post} signs in every reader in ACCOUNTS_FILE (one address a line), warms up unmeasured
 * ({@code -Dwarmup.seconds} at half the rate, as long again at the full rate; thirty by default), then posts
 * comments at a fixed RATE per second, whatever the answers take (an open model: a slow answer does not delay
 * the next request, and each latency is measured from when the request was due, so queueing shows). With
 * {@code -Dtimeline.file}, it also writes the measured phase's latencies a quarter of a second at a time.
 * {@code listen} holds LISTENERS open live streams of the article, then posts one comment and times
 * how long each listener takes to hear of it; the streams are opened on LISTEN_BASE (such as a Pushpin in
 * front of the nodes, or several in turn) when it is given, the comment is always posted on BASE. The
 * streams are opened at {@code -Dopen.rate} a second (500) and held by child processes of at most
 * {@code -Dholder.streams} each (10,000), since each is a file descriptor at this end too.
 * {@code reply} is the failure drills' write load (deploy/drills/cluster-failures.sh): the first reader
 * replies to COMMENT_ID, one reply after another, for SECONDS, and writes to ACKED_FILE the id of each reply
 * the app answered was published, so the file lists exactly the replies a reader was told went out.
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
                    Integer.parseInt(args[5]), args.length > 6 ? args[6] : args[1]);
            case "reply" -> reply(URI.create(args[1]), Long.parseLong(args[2]), readers(args[3]).getFirst(), args[4],
                    Long.parseLong(args[5]), Integer.parseInt(args[6]), Path.of(args[7]));
            case "hold" -> hold(Long.parseLong(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
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
        if (WARMUP_SECONDS > 0) {
            report("warm-up at half rate", schedule(base, articleId, readers, rate / 2, WARMUP_SECONDS, "Slow warm-up"), readers);
            report("warm-up at full rate", schedule(base, articleId, readers, rate, WARMUP_SECONDS, "Fast warm-up"), readers);
        }
        Instant measuredFrom = Instant.now();
        Result measured = schedule(base, articleId, readers, rate, seconds, "Load test");
        String timeline = System.getProperty("timeline.file");
        if (timeline != null) {
            writeTimeline(Path.of(timeline), measuredFrom, measured.latencies(), rate);
        }
        report("measured", measured, readers);
    }

    /** The slices of the timeline: short enough to show a pause, long enough to hold a few dozen posts. */
    private static final int SLICE_MS = 250;

    /**
     * Writes, for each {@value #SLICE_MS} ms of the schedule, how many posts were due in it and their
     * slowest and median answers: a tail made of a few bursts shows as a few bad slices, a slow server as
     * many.
     */
    private static void writeTimeline(Path file, Instant from, long[] latencies, int rate) throws IOException {
        int perSlice = Math.max(1, rate * SLICE_MS / 1000);
        StringBuilder lines = new StringBuilder("# the measured phase, from about " + from + "\n# due_from_ms posts p50_ms max_ms\n");
        for (int first = 0; first < latencies.length; first += perSlice) {
            long[] slice = Arrays.copyOfRange(latencies, first, Math.min(latencies.length, first + perSlice));
            Arrays.sort(slice);
            lines.append("%d %d %.1f %.1f%n".formatted(
                    (long) first * 1000 / rate, slice.length, ms(percentile(slice, 50)), ms(slice[slice.length - 1])));
        }
        Files.writeString(file, lines);
    }

    /** Prints a line of results: the last one printed is the measurement. */
    private static void report(String what, Result result, List<Reader> readers) {
        long[] latencies = result.latencies();
        if (latencies.length == 0) {
            System.out.printf("phase=%s requests=0 readers=%d%n", what.replace(' ', '-'), readers.size());
            return;
        }
        Arrays.sort(latencies);
        System.out.printf(
                "phase=%s requests=%d achieved_rate=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f statuses=%s failures=%d readers=%d%n",
                what.replace(' ', '-'), latencies.length, latencies.length / result.elapsedSeconds(),
                ms(percentile(latencies, 50)), ms(percentile(latencies, 99)), ms(latencies[latencies.length - 1]),
                result.statuses().toString().replace(", ", ","), result.failures(), readers.size());
    }

    /** How long each warm-up phase posts: on two CPUs the JIT compilers are still busy a minute after start. */
    private static final int WARMUP_SECONDS = Integer.getInteger("warmup.seconds", 30);

    private record Result(long[] latencies, double elapsedSeconds, Map<String, Integer> statuses, int failures) {}

    /**
     * Every text differs (moderation refuses a reader's same words again as spam, however often the
     * benchmark runs): the phase, the comment's number, the run.
     */
    private static final long RUN = System.currentTimeMillis();
    /** Streams not answered 200, by the status line they got instead ("closed" when none came). */
    private static final Map<String, Integer> REFUSALS = new ConcurrentHashMap<>();

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
        try (var requests = Executors.newVirtualThreadPerTaskExecutor(); var poster = new Poster(base)) {
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
                        String status = poster.comment(reader, articleId, label + " comment " + n + " from " + reader.email
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

    /** Streams opened a second, over all holders: a crowd arriving, not a stampede of one instant. */
    private static final int OPEN_RATE = Integer.getInteger("open.rate", 500);
    /** Streams one holding process keeps: each is a file descriptor, and a process may have only so many. */
    private static final int PER_HOLDER = Integer.getInteger("holder.streams", 10_000);
    /** How often a refused stream is tried again, as the site's pages do (live.js), before giving up. */
    private static final int ATTEMPTS = 6;
    /**
     * How long after a stream the server closed its client opens it again, sending the last event id it
     * read: what a browser's EventSource does, told {@code retry:3000} when the stream opened.
     */
    private static final long RECONNECT_MILLIS = 3_000;
    /**
     * Comments the poster posts, unmeasured, before the streams open: the measured comment is then not a
     * node's first, whose classes are loaded and caches filled while the listeners wait (a third of their
     * delay on a node just started). Few, as a reader's burst of posts is rate-limited (ten by default).
     */
    private static final int WARMUP_POSTS = Integer.getInteger("warmup.posts", 3);
    private static final String[] WARMUP_TEXTS = {
        "First thoughts before the live test begins.",
        "Another note, to get the posting path going.",
        "One more remark while the listeners gather."
    };
    /** How a new comment's event starts on a stream (see LiveEvent.asStreamText). */
    private static final String COMMENT_EVENT = "event:comment\ndata:";
    private static final String COMMENT_ID_FIELD = "\"commentId\":";
    private static final String EVENT_ID = "id:";

    /**
     * Spreads the streams over holding processes ({@code hold}, at most PER_HOLDER each), waits until
     * they are open, posts one comment, and measures when each stream heard of it. Every process reads the
     * same wall clock, so the holders' times of hearing and the time of posting compare.
     */
    private static void listen(URI base, long articleId, List<String> emails, String password, int listeners,
            String listenBases) throws Exception {
        Reader poster = signIn(base, articleId, emails.subList(0, 1), password).getFirst();
        for (int i = 0; i < WARMUP_POSTS; i++) {
            // Each in words of its own: the same text posted again is refused as spam.
            String status = poster.comment(base, articleId, WARMUP_TEXTS[i % WARMUP_TEXTS.length] + " (run " + RUN + ")");
            System.err.println("warm-up comment: " + status);
        }
        int holders = (listeners + PER_HOLDER - 1) / PER_HOLDER;
        List<Process> processes = new ArrayList<>();
        List<BufferedReader> answers = new ArrayList<>();
        // C1 only and one GC thread: a holder's own cost while the comment is delivered stays small.
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", sourceFile());
        for (int h = 0; h < holders; h++) {
            int count = listeners / holders + (h < listeners % holders ? 1 : 0);
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("hold", String.valueOf(articleId), String.valueOf(count),
                    String.valueOf(Math.max(1, OPEN_RATE / holders)), listenBases));
            Process process = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            processes.add(process);
            answers.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        }
        int connected = 0, refused = 0, retried = 0;
        Map<String, Integer> refusals = new TreeMap<>();
        for (BufferedReader answer : answers) {
            Map<String, String> opened = fields(answer.readLine());
            connected += Integer.parseInt(opened.get("connected"));
            refused += Integer.parseInt(opened.get("refused"));
            retried += Integer.parseInt(opened.get("retried"));
            for (String refusal : opened.getOrDefault("refusals", "").split(";")) {
                if (!refusal.isEmpty()) {
                    String[] statusAndCount = refusal.split("=");
                    refusals.merge(statusAndCount[0], Integer.parseInt(statusAndCount[1]), Integer::sum);
                }
            }
        }
        Thread.sleep(2000);
        long sentAt = epochMicros();
        long id = poster.commentAndReturnId(
                base, articleId, "A comment every listener should hear of, in run " + RUN + ".");
        long answeredAfter = epochMicros() - sentAt;
        System.err.printf("posted comment %d at %d µs since the epoch%n", id, sentAt);
        for (Process process : processes) {
            process.outputWriter().write(id + "\n");
            process.outputWriter().flush();
        }
        List<Long> heard = new ArrayList<>();
        int dropped = 0;
        for (BufferedReader answer : answers) {
            Map<String, String> result = fields(answer.readLine());
            dropped += Integer.parseInt(result.get("dropped"));
            for (String at : result.getOrDefault("heard", "").split(",")) {
                if (!at.isEmpty()) {
                    heard.add(TimeUnit.MICROSECONDS.toNanos(Long.parseLong(at) - sentAt));
                }
            }
        }
        for (Process process : processes) {
            process.waitFor(30, TimeUnit.SECONDS);
        }
        long[] delays = heard.stream().mapToLong(Long::longValue).sorted().toArray();
        long within1s = Arrays.stream(delays).filter(d -> d <= TimeUnit.SECONDS.toNanos(1)).count();
        System.out.printf(
                "listeners=%d holders=%d open_rate=%d connected=%d refused=%d retried=%d dropped=%d heard=%d heard_within_1s=%d post_answered_ms=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                listeners, holders, OPEN_RATE, connected, refused, retried, dropped, delays.length, within1s,
                ms(TimeUnit.MICROSECONDS.toNanos(answeredAfter)), delays.length == 0 ? -1 : ms(percentile(delays, 50)),
                delays.length == 0 ? -1 : ms(percentile(delays, 99)),
                delays.length == 0 ? -1 : ms(delays[delays.length - 1]));
        if (!refusals.isEmpty()) {
            System.err.println("answers other than 200, counting each attempt: " + refusals);
        }
    }

    /**
     * One holding process: opens COUNT streams at RATE a second, spread over the comma-separated LISTEN_BASES,
     * trying a refused one again after a few seconds as a page does; prints {@code connected=.. refused=..
     * retried=.. refusals=..} once each is open or given up, reads the awaited comment's id from its
     * input, and prints {@code heard=} the wall-clock time (µs) at which each stream heard of it, and
     * {@code dropped=} how many times the server closed a stream before it had heard; such a stream is
     * opened again as a browser's EventSource does (RECONNECT_MILLIS later, with Last-Event-ID). One thread and a selector hold
     * every stream, as load generators such as wrk do, so that the client's own cost of hearing twenty
     * thousand events stays small beside the server's.
     */
    private static void hold(long articleId, int count, int rate, String listenBases) throws Exception {
        List<InetSocketAddress> bases = Arrays.stream(listenBases.split(","))
                .map(URI::create)
                .map(uri -> new InetSocketAddress(uri.getHost(), uri.getPort()))
                .toList();
        AtomicLong expectedId = new AtomicLong(-1);
        AtomicLong idGivenAt = new AtomicLong();
        Selector selector = Selector.open();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                String id = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                expectedId.set(Long.parseLong(id.strip()));
                idGivenAt.set(System.nanoTime());
                selector.wakeup();
            } catch (IOException | RuntimeException e) {
                System.exit(1);
            }
        });
        Held[] streams = new Held[count];
        PriorityQueue<Held> retries = new PriorityQueue<>(Comparator.comparingLong((Held held) -> held.retryAt));
        int connected = 0, refused = 0, retried = 0, givenUp = 0, done = 0, dropped = 0, opened = 0;
        boolean settledSaid = false;
        long cpuAtSettled = 0;
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        while (true) {
            long now = System.nanoTime();
            while (opened < count && start + opened * periodNanos <= now) {
                streams[opened] = new Held(bases.get(opened % bases.size()));
                streams[opened].connect(selector, articleId);
                opened++;
            }
            while (!retries.isEmpty() && retries.peek().retryAt <= now) {
                retries.poll().connect(selector, articleId);
            }
            if (!settledSaid && connected + givenUp == count) {
                settledSaid = true;
                cpuAtSettled = cpuMillis();
                System.out.printf("connected=%d refused=%d retried=%d refusals=%s%n", connected, refused, retried,
                        REFUSALS.entrySet().stream()
                                .map(e -> e.getKey().replace(' ', '_').replace(';', ',') + "=" + e.getValue())
                                .reduce((x, y) -> x + ";" + y).orElse(""));
                System.out.flush();
            }
            long given = idGivenAt.get();
            if (given != 0 && (done == count || now - given > TimeUnit.SECONDS.toNanos(10))) {
                break;
            }
            long wakeAt = Long.MAX_VALUE;
            if (opened < count) {
                wakeAt = start + opened * periodNanos;
            }
            if (!retries.isEmpty()) {
                wakeAt = Math.min(wakeAt, retries.peek().retryAt);
            }
            if (given != 0) {
                wakeAt = Math.min(wakeAt, given + TimeUnit.SECONDS.toNanos(10));
            }
            selector.select(wakeAt == Long.MAX_VALUE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(wakeAt - now)));
            for (SelectionKey key : selector.selectedKeys()) {
                Held held = (Held) key.attachment();
                switch (held.ready(key, buffer, expectedId)) {
                    case OPEN -> {
                        connected += held.opens == 1 ? 1 : 0;
                        done += held.heardAt > 0 ? 1 : 0;
                    }
                    case HEARD -> done++;
                    case DROPPED -> {
                        dropped++;
                        held.attempt = 0;
                        held.retryAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECONNECT_MILLIS);
                        retries.add(held);
                    }
                    case REFUSED -> {
                        REFUSALS.merge(held.refusal, 1, Integer::sum);
                        refused += held.opens == 0 && held.attempt == 1 ? 1 : 0;
                        if (held.attempt == ATTEMPTS) {
                            givenUp++;
                            done++;
                        } else {
                            retried++;
                            held.retryAt = System.nanoTime()
                                    + TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(2_000, 8_000));
                            retries.add(held);
                        }
                    }
                    case WAITING -> {}
                }
            }
            selector.selectedKeys().clear();
        }
        System.err.printf("holder: %d ms of CPU until settled, %d ms since%n", cpuAtSettled, cpuMillis() - cpuAtSettled);
        for (Held held : streams) {
            if (held != null && held.endedAt > 0) {
                // Why a stream was last closed before hearing, and when: open how long, and how long before or
                // after the awaited comment's id was given (negative: before).
                System.err.printf("dropped stream: via=%s why=%s open_ms=%d dropped_vs_comment_ms=%d bytes=%d opens=%d heard=%b%n",
                        held.base, held.endedWhy, TimeUnit.NANOSECONDS.toMillis(held.openFor),
                        idGivenAt.get() == 0 ? Long.MIN_VALUE : TimeUnit.NANOSECONDS.toMillis(held.endedAt - idGivenAt.get()),
                        held.bytesRead, held.opens, held.heardAt > 0);
            }
        }
        StringBuilder times = new StringBuilder();
        for (Held held : streams) {
            if (held != null && held.heardAt > 0) {
                times.append(times.isEmpty() ? "" : ",").append(held.heardAt);
            }
        }
        System.out.println("dropped=" + dropped + " heard=" + times);
        System.out.flush();
        System.exit(0);
    }

    /** One stream a holder keeps: its socket, and where its reading stands. */
    private static final class Held {
        enum Outcome { WAITING, OPEN, REFUSED, HEARD, DROPPED }

        private final InetSocketAddress base;
        private String pending = "";
        private SocketChannel channel;
        private ByteBuffer request;
        private boolean statusRead;
        int attempt;
        long retryAt;
        String refusal;
        long heardAt;
        /** How often the stream was answered 200, and the last id of an event read: sent when it reopens. */
        int opens;
        String lastEventId;
        /** When the stream was answered 200, and, if it was closed before hearing, when and why (System.nanoTime). */
        long openedAt;
        long endedAt;
        /** How long the stream had been open when it was closed (reopening moves openedAt on). */
        long openFor;
        String endedWhy = "";
        int bytesRead;

        Held(InetSocketAddress base) {
            this.base = base;
        }

        void connect(Selector selector, long articleId) throws IOException {
            attempt++;
            statusRead = false;
            pending = "";
            request = ByteBuffer.wrap(("GET /live?article=" + articleId + " HTTP/1.1\r\nHost: " + base.getHostString()
                            + ":" + base.getPort() + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n"
                            + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.connect(base);
            channel.register(selector, SelectionKey.OP_CONNECT, this);
        }

        Outcome ready(SelectionKey key, ByteBuffer buffer, AtomicLong expectedId) {
            try {
                if (key.isConnectable()) {
                    channel.finishConnect();
                    channel.write(request);
                    key.interestOps(SelectionKey.OP_READ);
                    return Outcome.WAITING;
                }
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    return closed("closed");
                }
                bytesRead += read;
                // Whole events only: what follows the last blank line waits for the next read.
                String text = pending + new String(buffer.array(), 0, read, StandardCharsets.ISO_8859_1);
                int from = 0;
                Outcome outcome = Outcome.WAITING;
                if (!statusRead) {
                    int endOfStatus = text.indexOf('\n');
                    if (endOfStatus < 0) {
                        pending = text;
                        return outcome;
                    }
                    statusRead = true;
                    if (!text.substring(0, endOfStatus).contains(" 200")) {
                        close();
                        refusal = text.substring(0, endOfStatus).strip();
                        return Outcome.REFUSED;
                    }
                    outcome = Outcome.OPEN;
                    opens++;
                    openedAt = System.nanoTime();
                    from = endOfStatus + 1;
                }
                int whole = text.lastIndexOf("\n\n") + 2;
                pending = whole > from ? text.substring(whole) : text.substring(from);
                for (int at = text.indexOf(EVENT_ID, from); at >= 0 && at < whole; at = text.indexOf(EVENT_ID, at + 1)) {
                    if (at == from || text.charAt(at - 1) == '\n') {
                        lastEventId = text.substring(at + EVENT_ID.length(), text.indexOf('\n', at)).strip();
                    }
                }
                for (int at = text.indexOf(COMMENT_EVENT, from); heardAt == 0 && at >= 0 && at < whole;
                        at = text.indexOf(COMMENT_EVENT, at + 1)) {
                    long expected = expectedId.get();
                    if (expected < 0 || commentId(text, at + COMMENT_EVENT.length()) == expected) {
                        heardAt = epochMicros();
                        outcome = outcome == Outcome.OPEN ? Outcome.OPEN : Outcome.HEARD;
                    }
                }
                return outcome;
            } catch (IOException e) {
                return closed("failed: " + e.getClass().getSimpleName());
            }
        }

        /** The id in the data line that starts at {@code from}: {@code {"commentId":12,...}}; -1 if none. */
        private static long commentId(String text, int from) {
            int at = text.indexOf(COMMENT_ID_FIELD, from);
            long id = -1;
            for (int i = at + COMMENT_ID_FIELD.length(); at >= 0 && i < text.length() && Character.isDigit(text.charAt(i)); i++) {
                id = Math.max(id, 0) * 10 + (text.charAt(i) - '0');
            }
            return id;
        }

        /** The stream is over: refused if it never opened, else dropped (unless it has heard already). */
        private Outcome closed(String why) {
            close();
            if (!statusRead) {
                refusal = why;
                return Outcome.REFUSED;
            }
            if (heardAt == 0) {
                endedAt = System.nanoTime();
                endedWhy = why;
                openFor = endedAt - openedAt;
            }
            return heardAt > 0 ? Outcome.WAITING : Outcome.DROPPED;
        }

        private void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // it is closed either way
            }
        }
    }

    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** The path of this source file, for starting holders the way this process was started. */
    private static String sourceFile() {
        return ProcessHandle.current().info().arguments().stream()
                .flatMap(Arrays::stream)
                .filter(arg -> arg.endsWith("DiscussionLoad.java"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("run as java DiscussionLoad.java ..."));
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new TreeMap<>();
        if (line == null) {
            throw new IllegalStateException("a holding process ended without answering (see its errors above)");
        }
        for (String field : line.strip().split(" ")) {
            int equals = field.indexOf('=');
            if (equals > 0) {
                fields.put(field.substring(0, equals), field.substring(equals + 1));
            }
        }
        return fields;
    }

    /**
     * Replies to one comment for SECONDS, through whichever node answers; a reply not answered (a node dying
     * under it) is not counted, and the next is tried a moment later. Stops early once nothing has answered
     * for a few seconds.
     */
    private static void reply(URI base, long articleId, String email, String password, long commentId, int seconds,
            Path acked) throws Exception {
        Reader reader = Reader.signIn(base, articleId, email, password);
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        int published = 0;
        int other = 0;
        int unanswered = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(acked))) {
            for (int n = 0; System.nanoTime() < until && unanswered < 20; n++) {
                try {
                    HttpResponse<String> answer = reader.send(base, articleId,
                            "Reply " + n + " of drill " + RUN + ": what happens next here?", commentId);
                    unanswered = 0;
                    Matcher id = COMMENT_ID.matcher(answer.body());
                    if (answer.statusCode() == 201 && !answer.body().contains("\"held\":true") && id.find()) {
                        out.println(id.group(1));
                        out.flush();
                        published++;
                    } else {
                        other++;
                    }
                } catch (IOException e) {
                    unanswered++;
                    Thread.sleep(250);
                }
            }
        }
        System.out.println("published=" + published + " other=" + other);
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

    private static String commentJson(String text, Long inReplyTo) {
        return "{\"body\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                + "\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\""
                + (inReplyTo == null ? "" : ",\"inReplyTo\":" + inReplyTo) + "}";
    }

    /**
     * Posts comments for any reader over plain HTTP/1.1 keep-alive sockets that all readers share, each
     * request with its reader's cookies and CSRF token. The JDK's client, one per reader, took a third of a
     * CPU at 200 posts a second, CPU that the server being measured then lacked; this takes a few percent.
     */
    private static final class Poster implements AutoCloseable {

        private final String host;
        private final int port;
        private final java.util.concurrent.ConcurrentLinkedQueue<Connection> idle =
                new java.util.concurrent.ConcurrentLinkedQueue<>();

        Poster(URI base) {
            if (!"http".equals(base.getScheme())) {
                throw new IllegalArgumentException("posting speaks plain HTTP to a node, not " + base);
            }
            host = base.getHost();
            port = base.getPort() < 0 ? 80 : base.getPort();
        }

        /** The answer's status, and "-held" when the comment waits for a moderator. */
        String comment(Reader reader, long articleId, String text) throws IOException {
            String json = commentJson(text, null);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST /discussion/" + articleId + "/comments HTTP/1.1\r\n"
                            + "Host: " + host + ":" + port + "\r\n"
                            + "Content-Type: application/json\r\n"
                            + "Accept: application/json\r\n"
                            + reader.csrfHeader() + ": " + reader.csrfToken() + "\r\n"
                            + "Cookie: " + reader.cookies() + "\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            Connection connection = idle.poll();
            if (connection != null) {
                try {
                    return answer(connection, head, body);
                } catch (IOException closedWhileIdle) {
                    // The server closed the idle connection: the same request again (the same idempotency
                    // key, so posted once at most) on a new one.
                    connection.close();
                }
            }
            return answer(new Connection(host, port), head, body);
        }

        private String answer(Connection connection, byte[] head, byte[] body) throws IOException {
            try {
                connection.out.write(head);
                connection.out.write(body);
                connection.out.flush();
                Connection.Response response = connection.read();
                if (response.keepAlive()) {
                    idle.add(connection);
                } else {
                    connection.close();
                }
                return response.status() + (response.body().contains("\"held\":true") ? "-held" : "");
            } catch (IOException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        @Override
        public void close() {
            for (Connection connection; (connection = idle.poll()) != null; ) {
                connection.close();
            }
        }
    }

    /** One keep-alive HTTP/1.1 connection, read by hand: status line, headers, a sized or chunked body. */
    private static final class Connection {

        record Response(int status, String body, boolean keepAlive) {}

        private final Socket socket;
        final java.io.BufferedOutputStream out;
        private final java.io.BufferedInputStream in;

        Connection(String host, int port) throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 4096);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
        }

        Response read() throws IOException {
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean keepAlive = true;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, Math.max(colon, 0)).strip().toLowerCase(java.util.Locale.ROOT);
                String value = header.substring(colon + 1).strip().toLowerCase(java.util.Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> keepAlive = !value.contains("close");
                    default -> {}
                }
            }
            byte[] body;
            if (chunked) {
                java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                    chunks.write(in.readNBytes(size));
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {}
                body = chunks.toByteArray();
            } else if (length >= 0) {
                body = in.readNBytes(length);
            } else {
                body = in.readAllBytes();
                keepAlive = false;
            }
            return new Response(status, new String(body, StandardCharsets.UTF_8), keepAlive);
        }

        /** A header line without its CRLF; end of stream before one is an error. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("the connection closed mid-answer");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that was wanted
            }
        }
    }

    /** One signed-in reader with their own cookies and CSRF token. */
    private record Reader(String email, HttpClient http, String csrfHeader, String csrfToken, String cookies) {

        static Reader signIn(URI base, long articleId, String email, String password) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder()
                    .cookieHandler(cookies)
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
            String cookieHeader = cookies.getCookieStore().get(base).stream()
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            return new Reader(email, http, header.group(1), token.group(1), cookieHeader);
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
            return send(base, articleId, text, null);
        }

        /** A comment, or a reply to {@code inReplyTo}. */
        private HttpResponse<String> send(URI base, long articleId, String text, Long inReplyTo) throws Exception {
            String json = commentJson(text, inReplyTo);
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
