package org.masthead.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.Http;
import org.masthead.MastheadApplication;
import org.masthead.WebSession;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded default as a newcomer meets it: a living site on the first start, the same site on the next. */
class DemoContentTest {

    @TempDir
    Path dataDir;

    @Test
    void firstStartFillsTheSiteBeforeItAnswersAndASecondStartKeepsItAsItWas() throws Exception {
        long articles;
        long comments;
        int port = freePort();
        CompletableFuture<ConfigurableApplicationContext> starting =
                CompletableFuture.supplyAsync(() -> start(dataDir, true, port));
        // A newcomer who opens the browser at once, or a crawler: the very first page is the living front.
        HttpResponse<String> first = firstAnswer(port, starting);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("card--lead").doesNotContain("Nothing has been published yet.");
        try (ConfigurableApplicationContext app = starting.get(10, TimeUnit.MINUTES)) {
            JdbcClient db = app.getBean(JdbcClient.class);
            articles = publishedArticles(db);
            assertThat(articles).isGreaterThanOrEqualTo(40);
            assertThat(db.sql("SELECT count(DISTINCT section_id) FROM article")
                            .query(Long.class)
                            .single())
                    .isGreaterThanOrEqualTo(8);
            assertThat(db.sql("SELECT count(*) FROM author WHERE bio <> '' AND photo_id IS NOT NULL")
                            .query(Long.class)
                            .single())
                    .isGreaterThanOrEqualTo(3);
            String home = http(app).get("/").body();
            assertThat(home).contains("card--lead").contains("<h2 class=\"front-block__title\"");
            assertThat(http(app).get("/world/asia").body()).contains("Qalbend");
            // The forum is alive too: the demo readers' conversations, counted on the front's cards.
            assertThat(db.sql("SELECT count(*) FROM comment WHERE parent_id IS NOT NULL")
                            .query(Long.class)
                            .single())
                    .isPositive();
            assertThat(home).containsPattern("class=\"card__comments\"[^>]*>\\d+ comments<");
            WebSession riley = new WebSession(port(app));
            riley.submit("/signin", "/signin", Map.of("email", "reader@masthead.test", "password", "masthead-demo"));
            // Replies and mentions become notifications after the comments commit.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String notifications = riley.get("/notifications").body();
            while (!notifications.contains("replied") && System.nanoTime() < deadline) {
                notifications = riley.get("/notifications").body();
            }
            assertThat(notifications).contains("Tomasz Nowak replied").contains("Hannah Cole mentioned you");
            comments = db.sql("SELECT count(*) FROM comment").query(Long.class).single();
            // The demo agency's six files are in the wire queue, taken in from the wire folder: five stories, one in
            // two versions.
            long wireDeadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (wireStories(db) < 5 && System.nanoTime() < wireDeadline) {
                Thread.sleep(200);
            }
            assertThat(wireStories(db)).isEqualTo(5);
            assertThat(db.sql("SELECT headline FROM wire_item WHERE version_count = 2")
                            .query(String.class)
                            .single())
                    .startsWith("Port Aldren strike: talks resume");
            assertThat(db.sql("SELECT count(*) FROM wire_quarantine")
                            .query(Long.class)
                            .single())
                    .isZero();
            WebSession admin = new WebSession(port(app));
            HttpResponse<String> signedIn = admin.submit(
                    "/signin", "/signin", Map.of("email", "admin@masthead.test", "password", "masthead-demo"));
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/account");
            // The mailbox is a staff area: the demo admin is asked for the second factor.
            assertThat(admin.get("/admin/mailbox")
                            .headers()
                            .firstValue("Location")
                            .orElseThrow())
                    .contains("/signin/second-factor");
        }

        try (ConfigurableApplicationContext app = start(dataDir, true)) {
            JdbcClient db = app.getBean(JdbcClient.class);
            assertThat(publishedArticles(db)).isEqualTo(articles);
            assertThat(db.sql("SELECT count(*) FROM demo_content")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(db.sql("SELECT count(*) FROM comment").query(Long.class).single())
                    .as("the conversations are posted once")
                    .isEqualTo(comments);
        }
    }

    @Test
    void demoContentCanBeTurnedOff() {
        try (ConfigurableApplicationContext app = start(dataDir, false)) {
            assertThat(publishedArticles(app.getBean(JdbcClient.class))).isZero();
            assertThat(app.getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM account")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(http(app).get("/").body()).contains("Nothing has been published yet.");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, boolean demoContent) {
        return start(dataDir, demoContent, 0);
    }

    private static ConfigurableApplicationContext start(Path dataDir, boolean demoContent, int port) {
        return new SpringApplicationBuilder(MastheadApplication.class)
                .run(
                        "--server.port=" + port,
                        "--masthead.data-dir=" + dataDir,
                        "--masthead.demo-content=" + demoContent);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Asks for the front page from the moment the app is launched until the site answers at all. */
    private static HttpResponse<String> firstAnswer(int port, CompletableFuture<?> starting) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest home = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .timeout(Duration.ofMinutes(1))
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (starting.isCompletedExceptionally()) {
                starting.join();
            }
            try {
                return client.send(home, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notListeningYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("The site did not answer within 10 minutes");
    }

    private static long publishedArticles(JdbcClient db) {
        return db.sql("SELECT count(*) FROM article WHERE status = 'PUBLISHED'")
                .query(Long.class)
                .single();
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(port(app));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static long wireStories(JdbcClient db) {
        return db.sql("SELECT count(*) FROM wire_item").query(Long.class).single();
    }
}
