import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What bench/newsroom.sh asks of the newsroom, as an editor does it in a browser: the same forms, the same
 * session, signed in with the password and the one-time link of the second factor. Run with the JDK's
 * source launcher; prints one line of {@code key=value} results for the script.
 *
 * <pre>
 * java bench/NewsroomLoad.java publish NODE SECOND_NODE LOG EMAIL PASSWORD SECTION_ID SECTION_PATH BYLINE COUNT
 * java bench/NewsroomLoad.java save    NODE LOG EMAIL PASSWORD SECTION_ID BYLINE COUNT WORDS
 * java bench/NewsroomLoad.java schedule NODE LOG EMAIL PASSWORD SECTION_ID BYLINE COUNT AT
 * </pre>
 *
 * {@code publish} writes COUNT drafts on NODE and publishes each in turn, timing from the moment the
 * publish request is sent until SECOND_NODE, another app node on the same database, serves the article at
 * its address and lists it on its section page (which it had cached just before). {@code save} writes one
 * article of WORDS words and saves it COUNT times, a word changed each time, as the editor's Save button
 * does (the form posted whole, answered with a redirect) and as its autosave does (answered in JSON).
 * {@code schedule} writes COUNT drafts and schedules each to be published at AT (the minute as the form takes
 * it, {@code 2026-12-06T18:45}, in the site's zone), printing each article's id on a line of its own: the
 * failure drills check that each is published once although a node dies around that minute.
 * LOG is the app's log: without a mail server the app writes the second factor's link there. On several nodes
 * of one database, whichever node claims the mail writes it to its own log: give every node's log, separated
 * by commas ({@code deploy/.cluster/node-1/node.log,deploy/.cluster/node-2/node.log}).
 */
public class NewsroomLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SLUG = Pattern.compile("id=\"slug\" name=\"slug\" value=\"([^\"]*)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern AUTOSAVED = Pattern.compile("\"version\":(\\d+)");
    private static final Pattern LINK = Pattern.compile("/signin/link\\?token=([A-Za-z0-9_-]+)");
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "publish" -> publish(args);
            case "save" -> save(args);
            case "schedule" -> schedule(args);
            default -> {
                System.err.println("usage: see the comment at the top of bench/NewsroomLoad.java");
                System.exit(2);
            }
        }
    }

    private static void publish(String[] args) throws Exception {
        Editor editor = Editor.signIn(args[1], logs(args[3]), args[4], args[5]);
        String secondNode = args[2];
        String sectionId = args[6];
        String sectionPage = secondNode + "/" + args[7];
        String byline = args[8];
        int count = Integer.parseInt(args[9]);
        HttpClient reader = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Long> acknowledged = new ArrayList<>();
        List<Long> articleServed = new ArrayList<>();
        List<Long> sectionServed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String headline = "Bench story " + run + " number " + i;
            long id = editor.create(headline, "A standfirst for the benchmark.", words(300, i), sectionId, byline);
            String slug = editor.slugOf(id);
            // The second node has the section page cached, as it would under readers' traffic.
            String before = get(reader, sectionPage).body();
            if (before.contains(headline)) {
                throw new IllegalStateException("the section page shows " + headline + " before it is published");
            }
            get(reader, sectionPage);
            // Any date finds the article by its slug (and redirects to its real address): 404 until published.
            String address = secondNode + "/" + args[7] + "/2000/jan/01/" + slug;
            long start = System.nanoTime();
            editor.post("/newsroom/articles/" + id + "/publish", Map.of());
            acknowledged.add(System.nanoTime() - start);
            long article = -1;
            long section = -1;
            while (article < 0 || section < 0) {
                if (System.nanoTime() - start > GIVE_UP.toNanos()) {
                    throw new IllegalStateException("the second node did not serve " + headline + " within " + GIVE_UP);
                }
                if (article < 0 && get(reader, address).statusCode() != 404) {
                    article = System.nanoTime() - start;
                }
                if (section < 0 && get(reader, sectionPage).body().contains(headline)) {
                    section = System.nanoTime() - start;
                }
                Thread.sleep(2);
            }
            articleServed.add(article);
            sectionServed.add(section);
        }
        System.out.println("publications=" + count + " " + summary("ack", acknowledged) + " "
                + summary("article", articleServed) + " " + summary("section", sectionServed));
    }

    private static void schedule(String[] args) throws Exception {
        Editor editor = Editor.signIn(args[1], logs(args[2]), args[3], args[4]);
        int count = Integer.parseInt(args[7]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < count; i++) {
            long id = editor.create(
                    "Scheduled story " + run + " number " + i, "A standfirst for the drill.", words(120, i), args[5],
                    args[6]);
            expect(302, editor.post("/newsroom/articles/" + id + "/schedule", Map.of("publishAt", args[8])),
                    "scheduling");
            System.out.println(id);
        }
    }

    private static void save(String[] args) throws Exception {
        Editor editor = Editor.signIn(args[1], logs(args[2]), args[3], args[4]);
        String sectionId = args[5];
        String byline = args[6];
        int count = Integer.parseInt(args[7]);
        int words = Integer.parseInt(args[8]);
        String headline = "Bench long read " + Long.toString(System.currentTimeMillis(), 36);
        String body = words(words, 0);
        long id = editor.create(headline, "A long read for the benchmark.", body, sectionId, byline);
        int version = editor.versionOf(id);
        List<Long> saves = new ArrayList<>();
        List<Long> autosaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("headline", headline);
            form.put("standfirst", "A long read for the benchmark.");
            form.put("sectionId", sectionId);
            form.put("bylines", byline);
            form.put("body", body + " Changed " + i + ".");
            form.put("version", Integer.toString(version));
            boolean autosave = i % 2 == 1;
            long start = System.nanoTime();
            HttpResponse<String> answer =
                    editor.post("/newsroom/articles/" + id + (autosave ? "/autosave" : ""), form);
            long took = System.nanoTime() - start;
            if (autosave) {
                Matcher saved = AUTOSAVED.matcher(answer.body());
                if (answer.statusCode() != 200 || !saved.find()) {
                    throw new IllegalStateException("autosave answered " + answer.statusCode() + ": " + answer.body());
                }
                version = Integer.parseInt(saved.group(1));
                autosaves.add(took);
            } else {
                if (answer.statusCode() != 302) {
                    throw new IllegalStateException("save answered " + answer.statusCode());
                }
                version++;
                saves.add(took);
            }
        }
        System.out.println("words=" + body.split("\\s+").length + " bytes=" + body.getBytes(StandardCharsets.UTF_8).length
                + " " + summary("save", saves) + " " + summary("autosave", autosaves));
    }

    /** LOG: one log file, or several separated by commas. */
    private static List<Path> logs(String arg) {
        return Arrays.stream(arg.split(",")).map(String::strip).filter(name -> !name.isEmpty()).map(Path::of).toList();
    }

    /** An editor's browser: one session, its cookies and its CSRF token. */
    private record Editor(HttpClient http, String base, String[] csrf) {

        static Editor signIn(String base, List<Path> logs, String email, String password) throws Exception {
            HttpClient http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Editor editor = new Editor(http, base, new String[1]);
            editor.refreshToken("/signin");
            expect(302, editor.post("/signin", Map.of("email", email, "password", password)), "signing in");
            editor.refreshToken("/signin/second-factor");
            long[] before = new long[logs.size()];
            for (int n = 0; n < logs.size(); n++) {
                before[n] = Files.size(logs.get(n));
            }
            expect(302, editor.post("/signin/email-link", Map.of("username", email)), "asking for the link");
            String token = null;
            for (int i = 0; i < 100 && token == null; i++) {
                Thread.sleep(100);
                for (int n = 0; n < logs.size() && token == null; n++) {
                    // The log's size is in bytes, and it holds characters of more than one byte.
                    byte[] all = Files.readAllBytes(logs.get(n));
                    String written = new String(
                            all, (int) before[n], all.length - (int) before[n], StandardCharsets.UTF_8);
                    Matcher link = LINK.matcher(written);
                    while (link.find()) {
                        token = link.group(1);
                    }
                }
            }
            if (token == null) {
                throw new IllegalStateException("the app wrote no sign-in link to " + logs);
            }
            editor.refreshToken("/signin/link?token=" + token);
            expect(302, editor.post("/signin/link", Map.of("token", token)), "following the link");
            editor.refreshToken("/newsroom/articles/new");
            return editor;
        }

        long create(String headline, String standfirst, String body, String sectionId, String byline)
                throws Exception {
            HttpResponse<String> created = post(
                    "/newsroom/articles",
                    Map.of(
                            "headline", headline,
                            "standfirst", standfirst,
                            "body", body,
                            "sectionId", sectionId,
                            "bylines", byline));
            expect(302, created, "writing a draft");
            String location = created.headers().firstValue("Location").orElseThrow();
            return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        }

        String slugOf(long id) throws Exception {
            return find(SLUG, page("/newsroom/articles/" + id), "slug");
        }

        int versionOf(long id) throws Exception {
            return Integer.parseInt(find(VERSION, page("/newsroom/articles/" + id), "version"));
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            StringJoiner form = new StringJoiner("&");
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf[0]);
            all.forEach((name, value) -> form.add(encode(name) + "=" + encode(value)));
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private String page(String path) throws IOException, InterruptedException {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            expect(200, page, "opening " + path);
            return page.body();
        }

        private void refreshToken(String path) throws IOException, InterruptedException {
            csrf[0] = find(CSRF, page(path), "CSRF token");
        }
    }

    private static HttpResponse<String> get(HttpClient client, String address) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String page, String what) {
        Matcher found = pattern.matcher(page);
        if (!found.find()) {
            throw new IllegalStateException("found no " + what + " on the page");
        }
        return found.group(1);
    }

    private static void expect(int status, HttpResponse<String> answer, String doing) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(
                    doing + " answered " + answer.statusCode() + " " + answer.headers().map() + ", not " + status);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Prose of about this many words, in paragraphs, different for each seed. */
    private static String words(int count, int seed) {
        List<String> vocabulary = Arrays.asList(("the council harbour wall storm rebuilt spring committee approved"
                        + " work cost million pounds residents said coast water tide boats fishing town quay engineers"
                        + " survey damage winter funding government minister local families winter repair plan")
                .split(" "));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(vocabulary.get((i * 7 + seed * 13 + i / 11) % vocabulary.size()));
            text.append(i % 120 == 119 ? ".\n\n" : i % 15 == 14 ? ". " : " ");
        }
        return text.toString().strip() + ".";
    }

    /** p50, p99 and the worst of the timings, in milliseconds, as {@code name_p50=… name_p99=… name_max=…}. */
    private static String summary(String name, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().collect(Collectors.toList());
        return name + "_p50=" + millis(percentile(sorted, 50)) + " " + name + "_p99=" + millis(percentile(sorted, 99))
                + " " + name + "_max=" + millis(sorted.getLast());
    }

    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
