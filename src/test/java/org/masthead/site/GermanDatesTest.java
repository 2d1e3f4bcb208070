package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A site whose locale is German writes its dates the German way, but its words are still English, and its pages
 * say so: a screen reader told {@code lang="de-DE"} would read "Sign in" with German pronunciation.
 */
@MastheadTest
@TestPropertySource(properties = "masthead.site.locale=de-DE")
class GermanDatesTest {

    @Autowired
    TestContent content;

    @LocalServerPort
    int port;

    @Test
    void anArticleHasGermanDatesOnAPageThatSaysItIsEnglish() {
        Section section = content.section("Wirtschaft");
        String slug = TestContent.unique("german-dates");
        content.article(section)
                .slug(slug)
                .headline("Markets close higher")
                .publishedAt(Instant.parse("2026-12-06T16:39:00Z"));

        HttpResponse<String> page = new Http(port).get("/" + section.path() + "/2026/dec/06/" + slug);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html lang=\"en\">")
                .contains(">So. 6 Dez. 2026 16:39 GMT</time>")
                .doesNotContain("lang=\"de");
    }

    @Test
    void signingInIsInEnglishAndSaysSo() {
        HttpResponse<String> page = new Http(port).get("/signin");

        assertThat(page.body()).contains("<html lang=\"en\">").contains("Sign in");
    }
}
