package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.ImageRef;
import org.masthead.newsroom.Newsroom;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MastheadTest
class ArticlePageTest {

    @Autowired
    TestContent content;

    @Autowired
    Newsroom newsroom;

    @Autowired
    JdbcClient db;

    @LocalServerPort
    int port;

    Http http;
    Section asia;
    Author author;
    Tag tag;
    ImageRef image;
    String slug;
    long articleId;
    Instant published = Instant.parse("2026-11-24T23:30:00Z");

    @BeforeEach
    void publishAnArticle() {
        http = new Http(port);
        Section world = content.section("World");
        asia = content.subSection(world, "Asia");
        author = content.author("Amara Okafor");
        tag = content.tag("Security");
        image = content.image("Smoke rises over a city at dusk");
        slug = TestContent.unique("police-headquarters-attacked");
        articleId = content.article(asia)
                .slug(slug)
                .headline("Police headquarters attacked <b>in</b> provincial capital")
                .standfirst("Gunmen struck before dawn; officials say the building was evacuated.")
                .body("Officials said the attack began at 4am.\n\n<script>alert('x')</script> was not run.")
                .by(author)
                .tagged(tag)
                .image(image)
                .publishedAt(published);
    }

    String canonicalPath() {
        return "/" + asia.path() + "/2026/nov/24/" + slug;
    }

    @Test
    void readerSeesTheWholeArticleAtItsCanonicalAddress() {
        HttpResponse<String> page = http.get(canonicalPath());

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html)
                .contains("Police headquarters attacked &lt;b&gt;in&lt;/b&gt; provincial capital")
                .contains("Gunmen struck before dawn")
                .contains("href=\"/author/" + author.slug() + "\"")
                .contains("<time datetime=\"2026-11-24T23:30:00Z\">Tue 24 Nov 2026 23.30 GMT</time>")
                .contains("alt=\"Smoke rises over a city at dusk\"")
                .contains("A caption for Smoke rises over a city at dusk")
                .contains("Photograph: Test")
                .contains("href=\"/topic/" + tag.slug() + "\"")
                .contains("<link rel=\"canonical\" href=\"http://localhost:8080" + canonicalPath() + "\">")
                .contains("property=\"og:title\"")
                .contains("name=\"twitter:card\" content=\"summary_large_image\"")
                .doesNotContain("<script>alert");
        // The body's allow-list writes quotes as character references; either way it is text.
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; was not run.");
    }

    @Test
    void structuredDataDescribesTheNewsArticle() {
        String html = http.get(canonicalPath()).body();
        int start = html.indexOf("<script type=\"application/ld+json\">") + 35;
        String json = html.substring(start, html.indexOf("</script>", start));

        JsonNode data = JsonMapper.builder().build().readTree(json);

        assertThat(data.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(data.get("headline").asString())
                .isEqualTo("Police headquarters attacked <b>in</b> provincial capital");
        assertThat(data.get("datePublished").asString()).isEqualTo("2026-11-24T23:30:00Z");
        assertThat(data.get("dateModified").asString()).isEqualTo("2026-11-24T23:30:00Z");
        assertThat(data.get("author").get(0).get("name").asString()).isEqualTo("Amara Okafor");
        assertThat(data.get("image").get(0).asString()).startsWith("http://localhost:8080/media/" + image.id() + "/");
        assertThat(data.get("publisher").get("name").asString()).isEqualTo("The Masthead");
        assertThat(json).doesNotContain("<b>");
        // Written in the same order by every node and after every restart, so the page's ETag is too.
        assertThat(json)
                .contains("{\"@type\":\"Person\",\"name\":\"Amara Okafor\",\"url\":")
                .contains("\"publisher\":{\"@type\":\"NewsMediaOrganization\",\"name\":\"The Masthead\","
                        + "\"url\":\"http://localhost:8080/\",\"logo\":{\"@type\":\"ImageObject\",\"url\":");
    }

    @Test
    void wrongDateOrSectionRedirectsPermanentlyToTheCanonicalAddress() {
        HttpResponse<String> wrongDate = http.get("/" + asia.path() + "/2020/jan/01/" + slug);
        HttpResponse<String> wrongSection = http.get("/uk/2026/nov/24/" + slug);

        assertThat(wrongDate.statusCode()).isEqualTo(301);
        assertThat(wrongDate.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(canonicalPath()));
        assertThat(wrongSection.statusCode()).isEqualTo(301);
    }

    @Test
    void formerSlugRedirectsPermanentlyToTheCanonicalAddress() {
        String former = TestContent.unique("old-headline");
        db.sql("INSERT INTO article_former_slug (slug, article_id) VALUES (:slug, :id)")
                .param("slug", former)
                .param("id", articleId)
                .update();

        HttpResponse<String> response = http.get("/" + asia.path() + "/2026/nov/24/" + former);

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(canonicalPath()));
    }

    @Test
    void addressIsDatedInTheSiteTimeZone() {
        String lateNight = TestContent.unique("late-night-vote");
        content.article(asia).slug(lateNight).publishedAt(Instant.parse("2026-07-01T23:30:00Z"));

        HttpResponse<String> page = http.get("/" + asia.path() + "/2026/jul/02/" + lateNight);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<time datetime=\"2026-07-02T00:30:00+01:00\">Thu 2 Jul 2026 00.30 BST</time>");
    }

    @Test
    void unknownArticleIsAHelpful404() {
        HttpResponse<String> response =
                http.get("/" + asia.path() + "/2026/nov/24/no-such-story", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("couldn’t find that page").contains("href=\"/\"");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void pageCarriesCachingHeadersForBrowsersAndCdns() {
        HttpResponse<String> page = http.get(canonicalPath());

        assertThat(page.headers().firstValue("Cache-Control").orElseThrow())
                .contains("public")
                .contains("max-age=")
                .contains("s-maxage=")
                .contains("stale-while-revalidate=");
        assertThat(page.headers().firstValue("ETag")).isPresent();
        assertThat(page.headers().firstValue("Last-Modified")).isPresent();
        assertThat(page.headers().firstValue("Surrogate-Key").orElseThrow().split(" "))
                .contains("article-" + articleId, "section-" + asia.id(), "tag-" + tag.id(), "author-" + author.id());
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aKeptPageIsSentWithTheHeadersItWasRenderedWith() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> rendered = http.get(canonicalPath());
            HttpResponse<String> kept = http.get(canonicalPath());

            assertThat(kept.body()).isEqualTo(rendered.body());
            for (String name : List.of(
                    "Cache-Control",
                    "Content-Security-Policy",
                    "Content-Type",
                    "ETag",
                    "Last-Modified",
                    "Surrogate-Key",
                    "Vary",
                    "X-Content-Type-Options",
                    "X-Frame-Options")) {
                assertThat(kept.headers().allValues(name))
                        .as(name)
                        .hasSize(1)
                        .isEqualTo(rendered.headers().allValues(name));
            }
        });
    }

    @Test
    void everyVisitorGetsTheSameBytes() {
        // "Most read" under the article changes as other tests read: a page that changed in between is
        // asked for again.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> first = http.get(canonicalPath());
            HttpResponse<String> second = http.get(canonicalPath(), "Cookie", "SESSION=someone-else");

            assertThat(second.body()).isEqualTo(first.body());
            assertThat(second.headers().firstValue("ETag"))
                    .isEqualTo(first.headers().firstValue("ETag"));
        });
    }

    @Test
    void conditionalGetAnswersNotModified() {
        // "Most read" under the article changes as other tests read: a page that changed in between is
        // rightly sent again, so the whole exchange is tried again.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(this::conditionalGetsOfAnUnchangedPage);
    }

    private void conditionalGetsOfAnUnchangedPage() {
        HttpResponse<String> page = http.get(canonicalPath());
        String etag = page.headers().firstValue("ETag").orElseThrow();
        String lastModified = page.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> byEtag = http.get(canonicalPath(), "If-None-Match", etag);
        HttpResponse<String> byDate = http.get(canonicalPath(), "If-Modified-Since", lastModified);

        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(byDate.statusCode()).isEqualTo(304);
    }

    @Test
    void pageIsCompressedForClientsThatAcceptGzip() throws IOException {
        HttpResponse<byte[]> page = http.getBytes(canonicalPath(), "Accept-Encoding", "gzip, deflate, br");

        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(page.headers().firstValue("Vary"))
                .hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(page.body()))) {
            assertThat(new String(gunzip.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("Gunmen struck before dawn");
        }
    }

    @Test
    void republishingShowsTheUpdateToTheNextReader() {
        http.get(canonicalPath());
        Instant updated = published.plus(2, ChronoUnit.HOURS);

        newsroom.publish(articleId, updated);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(http.get(canonicalPath()).body())
                        .contains("Updated <time datetime=\"2026-11-25T01:30:00Z\">"));
    }

    @Test
    void imagesAreServedAtEveryRenditionWidthAndCachedForGood() {
        HttpResponse<byte[]> response = http.getBytes("/media/" + image.id() + "/640.jpg");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        assertThat(image.widths()).containsExactly(240, 320, 480, 640, 800, 960, 1000);
        assertThat(http.getBytes("/media/" + image.id() + "/123.jpg").statusCode())
                .isEqualTo(404);
    }
}
