import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The read load of the failure drills: readers asking for pages, as fast as they are answered, on a few
 * threads, for SECONDS. Writes one line a second to OUT_FILE, {@code second=N ok=N failed=N}, where a read
 * fails if it is not answered 200 within 5 s. The paths are asked for in turn; {@code {n}} in a path is
 * replaced by a number of its own each time, so that no cache can answer it.
 *
 * <pre>
 * java deploy/drills/Reads.java BASE SECONDS THREADS OUT_FILE PATH...
 * </pre>
 */
public class Reads {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int seconds = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        List<String> paths = List.of(args).subList(4, args.length);
        AtomicIntegerArray ok = new AtomicIntegerArray(seconds + 10);
        AtomicIntegerArray failed = new AtomicIntegerArray(seconds + 10);
        long start = System.nanoTime();
        long until = start + Duration.ofSeconds(seconds).toNanos();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers[t] = Thread.ofPlatform().start(() -> {
                HttpClient http = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .build();
                for (int i = first; System.nanoTime() < until; i++) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(
                                    base + paths.get(i % paths.size()).replace("{n}", first + "-" + i)))
                            .timeout(Duration.ofSeconds(5))
                            .build();
                    boolean answered;
                    try {
                        answered = http.send(request, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        answered = false;
                    } catch (InterruptedException e) {
                        return;
                    }
                    int second = (int) Duration.ofNanos(System.nanoTime() - start).toSeconds();
                    (answered ? ok : failed).incrementAndGet(Math.min(second, seconds + 9));
                    if (!answered) {
                        sleep(100);
                    }
                }
            });
        }
        for (Thread worker : workers) {
            worker.join();
        }
        try (PrintWriter lines = new PrintWriter(Files.newBufferedWriter(out))) {
            for (int s = 0; s < seconds; s++) {
                lines.println("second=" + s + " ok=" + ok.get(s) + " failed=" + failed.get(s));
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
