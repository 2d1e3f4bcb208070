package org.masthead.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the site answers beyond a plain GET: HEAD as GET answers, OPTIONS with the methods an address
 * takes, a method an address does not take with 405 and Allow (never a sign-in page, nor a form that
 * "had expired" for someone who sent none), near misses of an address with a redirect to it, and every
 * error with the site's own page and the headers every page has.
 */
@MastheadTest
class HttpMethodsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    Http http;
    Section section;
    String article;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        section = content.section("Methods");
        String slug = TestContent.unique("methods-story");
        content.article(section).slug(slug).publishedAt(Instant.parse("2026-11-06T10:00:00Z"));
        article = "/" + section.path() + "/2026/nov/06/" + slug;
    }

    @Test
    void headAnswersWhatGetAnswersForEveryoneWhoMayGet() {
        for (String path : List.of(
                "/search?q=" + TestContent.unique("flood"),
                "/search/suggestions?q=flo",
                "/premium",
                "/support",
                "/me",
                "/privacy",
                "/" + section.path(),
                article,
                "/account")) {
            // HEAD first, while nothing is cached: the page cache must not be what lets it through.
            HttpResponse<String> head = http.head(path);
            HttpResponse<String> get = http.get(path);

            assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(get.statusCode());
            assertThat(head.headers().firstValue("Location"))
                    .as("HEAD " + path)
                    .isEqualTo(get.headers().firstValue("Location"));
        }
    }

    @Test
    void optionsSaysWhichMethodsAnAddressTakesWithoutAskingToSignIn() {
        for (String path : List.of("/", "/" + section.path(), article, "/rss", "/account")) {
            HttpResponse<String> options = http.send("OPTIONS", path);

            assertThat(options.statusCode()).as("OPTIONS " + path).isEqualTo(200);
            assertThat(options.headers().firstValue("Allow"))
                    .as("OPTIONS " + path)
                    .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        }
    }

    @Test
    void aMethodAPageDoesNotTakeIs405WithAllowForAVisitorWhoNeverSignedIn() {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            for (String path : List.of("/", "/" + section.path(), article, "/rss", "/sitemap.xml", "/transparency")) {
                HttpResponse<String> response = http.send(method, path);

                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
                assertThat(response.headers().firstValue("Allow"))
                        .as(method + " " + path)
                        .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
                assertThat(response.body()).doesNotContain("expired").contains("a page to read");
            }
        }
    }

    @Test
    void aMethodAFormsAddressDoesNotTakeIs405InWordsForAForm() {
        for (String path : List.of("/support", "/follows/topic/x")) {
            HttpResponse<String> response = http.send("PUT", path);

            assertThat(response.statusCode()).as(path).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).as(path).hasValueSatisfying(allow -> assertThat(allow)
                    .contains("POST"));
            assertThat(response.body())
                    .as(path)
                    .contains("This address answers only the")
                    .doesNotContain("a page to read");
        }
    }

    @Test
    void aMethodAPageDoesNotTakeIs405WithAllowForAReaderWithAToken() {
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, accounts.create(true));
        reader.get("/account");

        HttpResponse<String> response = reader.post("/" + section.path(), Map.of());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void aFormSentWithoutItsTokenIsStillRefusedAsExpired() {
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, accounts.create(true));

        // As another site's form would send it: the session's cookie, and no token.
        HttpResponse<String> signOut = reader.postRaw("/signout", Map.of());
        HttpResponse<String> signIn = new WebSession(port).postRaw("/signin", Map.of("email", "x@example.org"));

        assertThat(signOut.statusCode()).isEqualTo(403);
        assertThat(signOut.body()).contains("that form had expired");
        assertThat(reader.get("/account").statusCode()).isEqualTo(200);
        assertThat(signIn.statusCode()).isEqualTo(403);
        assertThat(signIn.body()).contains("that form had expired");
    }

    @Test
    void errorPagesSendTheHeadersEveryPageSends() {
        WebSession anonymous = new WebSession(port);
        List<HttpResponse<String>> errors = List.of(
                http.get("/no-such-page-" + TestContent.unique("x")),
                http.get(article.replace("methods-story", "no-such-story")),
                http.get("/" + section.path() + "?page=-1"),
                http.send("POST", "/" + section.path()),
                anonymous.postRaw("/signin", Map.of()),
                http.get("/%2e%2e/etc/passwd"));

        assertThat(errors).extracting(HttpResponse::statusCode).containsExactly(404, 404, 400, 405, 403, 400);
        for (HttpResponse<String> error : errors) {
            assertThat(error.headers().firstValue("Content-Security-Policy"))
                    .as(error.uri().toString())
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
            assertThat(error.headers().firstValue("X-Frame-Options"))
                    .as(error.uri().toString())
                    .hasValue("DENY");
            assertThat(error.headers().firstValue("X-Content-Type-Options"))
                    .as(error.uri().toString())
                    .hasValue("nosniff");
            assertThat(error.headers().firstValue("Referrer-Policy"))
                    .as(error.uri().toString())
                    .isPresent();
        }
    }

    @Test
    void addressesTheServerRefusesShowTheSitesOwnErrorPage() {
        for (String path : List.of("/%2e%2e/etc/passwd", "/" + section.path() + "/..%2f..%2fetc")) {
            HttpResponse<String> response = http.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body())
                    .as(path)
                    .contains("we couldn’t make sense of that request")
                    .doesNotContain("HTTP Status");
        }
    }

    @Test
    void nearMissesOfAnAddressAreSentToItForGood() {
        String slug = article.substring(article.lastIndexOf('/') + 1);
        Map<String, String> nearMisses = Map.of(
                article + "/",
                article,
                "/" + section.path() + "/",
                "/" + section.path(),
                "/rss/",
                "/rss",
                "/" + section.path() + "/2026/Nov/06/" + slug,
                article,
                "/" + section.path() + "/2026/nov/6/" + slug,
                article,
                "//example.org/",
                "/example.org");
        nearMisses.forEach((nearMiss, address) -> {
            HttpResponse<String> response = http.get(nearMiss);

            assertThat(response.statusCode()).as(nearMiss).isEqualTo(301);
            assertThat(response.headers().firstValue("Location"))
                    .as(nearMiss)
                    .hasValueSatisfying(
                            location -> assertThat(location).endsWith(address).doesNotStartWith("//"));
        });
        assertThat(http.send("POST", article + "/").statusCode()).isNotEqualTo(301);
    }
}
