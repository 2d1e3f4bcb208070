package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.ImageRef;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An article before publication, on the real article page, for the staff who may open it: exactly
 * what readers will see, never cached, never indexed, and for nobody else.
 */
@MastheadTest
class PreviewTest {

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    Section section;
    Author author;
    WebSession journalist;

    @BeforeEach
    void setUp() {
        section = content.section("Previewed");
        author = content.author("Petra Preview");
        journalist = staff(Role.JOURNALIST);
    }

    @Test
    void aJournalistSeesTheirDraftOnTheRealArticlePageAsLastSaved() {
        String headline = "Harbour wall to be rebuilt " + TestContent.unique("h");
        long id = file(journalist, headline, "The council agreed.\n\n## What happens next\n\nWork starts in May.");
        String preview = "/newsroom/preview/articles/" + id;

        HttpResponse<String> page = journalist.get(preview);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1 class=\"article__headline\">" + headline + "</h1>")
                .contains("<p class=\"article__standfirst\">What it means for readers.</p>")
                .contains("<h2>What happens next</h2>")
                .contains(">Petra Preview</a>")
                .contains("href=\"/" + section.path() + "\">Previewed</a>");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("X-Robots-Tag")).hasValue("noindex");
        assertThat(page.headers().firstValue("Surrogate-Key")).isEmpty();
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'self'")
                .doesNotContain("frame-ancestors 'none'");
        assertThat(new Http(port).get("/" + section.path()).body())
                .as("readers see nothing of it")
                .doesNotContain(headline);

        save(journalist, id, headline, "Work starts in June, not May.");
        assertThat(journalist.get(preview).body())
                .as("the preview is the article as last saved, never a cached copy")
                .contains("Work starts in June, not May.")
                .doesNotContain("What happens next");
        assertThat(journalist.get("/newsroom/articles/" + id).body())
                .contains("Preview as readers see it")
                .contains("<iframe src=\"" + preview + "\"");
        assertThat(journalist.get("/newsroom/articles/" + id + "?view=phone").body())
                .contains("preview-frame preview-frame--phone");
    }

    @Test
    void aPreviewLoadsTheConversationOnlyOfAnArticleReadersCanSee() {
        long id = file(journalist, "Quiet draft " + TestContent.unique("h"), "Words.");
        String preview = "/newsroom/preview/articles/" + id;

        assertThat(journalist.get(preview).body())
                .as("no conversation to ask for: its addresses answer 404 until it is published")
                .doesNotContain("/js/discussion/")
                .doesNotContain("class=\"discussion\"")
                .contains("Readers' comments appear here once the article is published.");

        content.republish(id);
        assertThat(journalist.get(preview).body())
                .contains("/js/discussion/conversation")
                .contains("class=\"discussion\"")
                .doesNotContain("once the article is published");
    }

    @Test
    void anEditorPreviewsAnyArticleWithItsMainImage() {
        ImageRef image = content.image("Cranes over the harbour");
        String headline = "Cranes arrive " + TestContent.unique("h");
        long id = content.article(section)
                .headline(headline)
                .by(author)
                .image(image)
                .draft();

        String page = staff(Role.EDITOR).get("/newsroom/preview/articles/" + id).body();

        assertThat(page)
                .contains(headline)
                .contains("class=\"article__figure\"")
                .contains("alt=\"Cranes over the harbour\"")
                .contains("/media/" + image.id() + "/");
    }

    @Test
    void aPreviewIsOnlyForStaffWhoMayOpenTheArticle() {
        long id = file(journalist, "Not yours " + TestContent.unique("h"), "Words.");
        String preview = "/newsroom/preview/articles/" + id;
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, accounts.create(true));

        assertThat(staff(Role.JOURNALIST).get(preview).statusCode())
                .as("another journalist's draft")
                .isEqualTo(403);
        assertThat(reader.get(preview).statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = new Http(port).get(preview);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
        assertThat(staff(Role.EDITOR).get(preview).statusCode()).isEqualTo(200);
        assertThat(journalist.get("/newsroom/preview/articles/999999999").statusCode())
                .isEqualTo(404);
    }

    private WebSession staff(Role role) {
        WebSession session = new WebSession(port);
        TestAccounts.signInWithBothFactors(session, accounts.create(true, role));
        return session;
    }

    private long file(WebSession who, String headline, String body) {
        HttpResponse<String> created =
                who.submit("/newsroom/articles/new", "/newsroom/articles", fields(headline, body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private void save(WebSession who, long id, String headline, String body) {
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"")
                .matcher(who.get("/newsroom/articles/" + id).body());
        assertThat(version.find()).isTrue();
        Map<String, String> fields = fields(headline, body);
        fields.put("version", version.group(1));
        assertThat(who.post("/newsroom/articles/" + id, fields).statusCode()).isEqualTo(302);
    }

    private Map<String, String> fields(String headline, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headline", headline);
        fields.put("standfirst", "What it means for readers.");
        fields.put("body", body);
        fields.put("sectionId", String.valueOf(section.id()));
        fields.put("bylines", author.name());
        fields.put("commentsEnabled", "true");
        return fields;
    }
}
