import java.io.IOException;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write load of the failure drills: readers registering through the form, as a browser does, on a few
 * threads at once. Each address is written to ACKED_FILE only once the app has answered that the account
 * exists (the redirect to "check your e-mail"), so the file lists exactly the writes a reader was told
 * succeeded. Stops when the app has stopped answering for a few seconds, or after SECONDS.
 *
 * <pre>
 * java deploy/drills/Registrations.java BASE ACKED_FILE THREADS SECONDS
 * </pre>
 */
public class Registrations {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path acked = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        long until = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(
                acked, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = Thread.ofPlatform().start(() -> {
                    HttpClient http = HttpClient.newBuilder()
                            .cookieHandler(new CookieManager())
                            .connectTimeout(Duration.ofSeconds(2))
                            .build();
                    int unanswered = 0;
                    while (System.nanoTime() < until && unanswered < 20) {
                        String id = UUID.randomUUID().toString();
                        String email = "drill-" + id + "@masthead.test";
                        try {
                            if (register(http, base, email, "Drill " + id.substring(0, 13))) {
                                synchronized (out) {
                                    out.println(email);
                                    out.flush();
                                }
                                done.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                            }
                            unanswered = 0;
                        } catch (IOException e) {
                            unanswered++;
                            sleep(250);
                        }
                    }
                });
            }
            for (Thread worker : workers) {
                worker.join();
            }
        }
        System.out.println("acknowledged=" + done.get() + " refused=" + failed.get());
    }

    private static boolean register(HttpClient http, String base, String email, String displayName) throws IOException {
        try {
            HttpResponse<String> form = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/register"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher csrf = CSRF.matcher(form.body());
            if (form.statusCode() != 200 || !csrf.find()) {
                return false;
            }
            String body = "_csrf=" + encode(csrf.group(1)) + "&email=" + encode(email) + "&displayName="
                    + encode(displayName) + "&password=" + encode("plum-" + UUID.randomUUID());
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/register"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 302
                    && answer.headers().firstValue("Location").orElse("").endsWith("/register/check-email");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
