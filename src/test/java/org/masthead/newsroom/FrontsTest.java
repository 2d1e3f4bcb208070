package org.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.SignedIn;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.internal.FrontDesk;
import org.masthead.newsroom.internal.Staff;
import org.masthead.platform.NotAllowedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Editors curate the home page and the sections' pages: readers see the pinned stories, in their
 * order and layouts, once the front is published, and not before; the rest fills by recency.
 */
@MastheadTest
class FrontsTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    @Autowired
    FrontDesk frontDesk;

    @Autowired
    Fronts fronts;

    Http reader;
    WebSession editor;
    Section section;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        reader = new Http(port);
        editor = new WebSession(port);
        TestAccounts.signInWithBothFactors(editor, accounts.create(true, Role.EDITOR));
        section = content.section("Curated");
    }

    /** Test classes share one home page: put it back to the latest stories for the others. */
    @AfterEach
    void clearHome() {
        content.clearFront(Front.home());
    }

    @Test
    void anEditorsPinnedLeadAndOrderReachTheHomePageOncePublishedAndNotBefore() {
        String lead = "Pinned lead " + TestContent.unique("h");
        String big = "Big story " + TestContent.unique("h");
        String standard = "Standard story " + TestContent.unique("h");
        long leadId = content.article(section).headline(lead).publishedAt(now.minus(5, ChronoUnit.DAYS));
        long bigId = content.article(section).headline(big).publishedAt(now.minus(4, ChronoUnit.DAYS));
        long standardId = content.article(section).headline(standard).publishedAt(now.minus(3, ChronoUnit.DAYS));

        add("home", leadId, "LEAD");
        add("home", bigId, "BIG");
        add("home", standardId, "STANDARD");
        assertThat(editor.post("/newsroom/fronts/home/stories/" + standardId + "/up", Map.of())
                        .statusCode())
                .isEqualTo(302);

        String draftPage = editor.get("/newsroom/fronts/home").body();
        assertThat(draftPage).contains("This draft has changes readers do not see yet");
        assertThat(draftPage.indexOf(lead)).isLessThan(draftPage.indexOf(standard));
        assertThat(draftPage.indexOf(standard)).isLessThan(draftPage.indexOf(big));
        String home = reader.get("/").body();
        assertThat(leadOf(home)).as("readers see nothing of the draft").doesNotContain(lead);
        assertThat(topOf(home)).doesNotContain("front-top__big");

        HttpResponse<String> preview = editor.get("/newsroom/preview/fronts/home");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(preview.headers().firstValue("X-Robots-Tag")).hasValue("noindex");
        assertThat(preview.headers().firstValue("Surrogate-Key")).isEmpty();
        assertInOrder(preview.body(), lead, standard, big);

        assertThat(editor.post("/newsroom/fronts/home/publish", Map.of()).statusCode())
                .isEqualTo(302);

        await().atMost(SOON).untilAsserted(() -> assertInOrder(reader.get("/").body(), lead, standard, big));
        assertThat(editor.get("/newsroom/fronts/home").body()).contains("Readers see this front as it is here.");
        assertThat(editor.get("/newsroom/log").body())
                .contains("published the front")
                .contains("Home front")
                .contains("1. " + lead + " (lead), 2. " + standard + " (standard), 3. " + big + " (big)");
    }

    @Test
    void theDraftChangesNothingForReadersUntilPublishedAndCanBeDiscarded() {
        String first = "First pinned " + TestContent.unique("h");
        String second = "Second pinned " + TestContent.unique("h");
        long firstId = content.article(section).headline(first).publishedAt(now.minus(6, ChronoUnit.DAYS));
        long secondId = content.article(section).headline(second).publishedAt(now.minus(7, ChronoUnit.DAYS));
        add("home", firstId, "LEAD");
        add("home", secondId, "STANDARD");
        editor.post("/newsroom/fronts/home/publish", Map.of());
        await().atMost(SOON).untilAsserted(() -> assertInOrder(reader.get("/").body(), first, second));

        editor.post("/newsroom/fronts/home/stories/" + secondId + "/remove", Map.of());
        editor.post("/newsroom/fronts/home/stories/" + firstId + "/layout", Map.of("layout", "BIG"));

        assertThat(topOf(editor.get("/newsroom/preview/fronts/home").body()))
                .doesNotContain(second)
                .contains("front-top--no-lead")
                .containsPattern("front-top__big\">\\s*<article class=\"card card--medium\">(?s).*" + first);
        assertThat(topOf(reader.get("/").body()))
                .as("the live front stands while the draft changes")
                .contains(second);
        assertThat(leadOf(reader.get("/").body())).contains(first);

        assertThat(editor.post("/newsroom/fronts/home/discard", Map.of()).statusCode())
                .isEqualTo(302);
        String page = editor.get("/newsroom/fronts/home").body();
        assertThat(page).contains("Readers see this front as it is here.").contains(second);
        assertThat(topOf(editor.get("/newsroom/preview/fronts/home").body())).contains(second);
        assertThat(editor.get("/newsroom/log").body()).contains("discarded changes to the front");
    }

    @Test
    void aSectionFrontShowsItsPinnedStoriesOnTopWithTheLatestBelowThem() {
        String older = "Older analysis " + TestContent.unique("h");
        String latest = "Latest in the section " + TestContent.unique("h");
        long olderId = content.article(section).headline(older).publishedAt(now.minus(2, ChronoUnit.DAYS));
        content.article(section).headline(latest).publishedAt(now.minus(1, ChronoUnit.HOURS));
        String path = "/" + section.path();
        String front = "/newsroom/fronts/" + section.slug();
        assertThat(reader.get(path).body()).doesNotContain("front-top");
        assertThat(editor.get("/newsroom/fronts").body()).contains("href=\"" + front + "\"");

        add(section.slug(), olderId, "LEAD");
        assertThat(reader.get(path).body()).doesNotContain("front-top");
        assertThat(leadOf(
                        editor.get("/newsroom/preview/fronts/" + section.slug()).body()))
                .contains(older);

        editor.post(front + "/publish", Map.of());

        await().atMost(SOON).untilAsserted(() -> {
            String page = reader.get(path).body();
            assertThat(leadOf(page)).contains(older);
            assertThat(page.indexOf(older))
                    .as("once, on top")
                    .isEqualTo(page.lastIndexOf(older))
                    .isLessThan(page.indexOf(latest));
        });
        assertThat(reader.get(path).headers().firstValue("Surrogate-Key").orElseThrow())
                .contains("section-" + section.id())
                .contains("article-" + olderId);
    }

    @Test
    void anUnpublishedPinnedStoryLeavesTheFrontByItself() {
        String pinned = "Pinned then withdrawn " + TestContent.unique("h");
        long id = content.article(section).headline(pinned).publishedAt(now.minus(3, ChronoUnit.DAYS));
        add(section.slug(), id, "LEAD");
        editor.post("/newsroom/fronts/" + section.slug() + "/publish", Map.of());
        String path = "/" + section.path();
        await().atMost(SOON)
                .untilAsserted(() -> assertThat(leadOf(reader.get(path).body())).contains(pinned));

        editor.get("/newsroom/articles/" + id);
        assertThat(editor.post("/newsroom/articles/" + id + "/unpublish", Map.of())
                        .statusCode())
                .isEqualTo(302);

        await().atMost(SOON).untilAsserted(() -> assertThat(reader.get(path).body())
                .doesNotContain(pinned)
                .doesNotContain("front-top"));
        assertThat(editor.get("/newsroom/fronts/" + section.slug()).body())
                .contains(pinned)
                .contains("Not published: readers do not see it here.");
    }

    @Test
    void publishingAFrontDropsTheCachedPageAtOnce() {
        String pinned = "Old story now leading " + TestContent.unique("h");
        long id = content.article(section).headline(pinned).publishedAt(now.minus(9, ChronoUnit.DAYS));
        String cached = reader.get("/").body();
        assertThat(reader.get("/").body()).as("the home page is cached").isEqualTo(cached);
        add("home", id, "LEAD");
        assertThat(reader.get("/").body()).as("a draft drops nothing").isEqualTo(cached);

        editor.post("/newsroom/fronts/home/publish", Map.of());

        await().atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(leadOf(reader.get("/").body())).contains(pinned));
    }

    @Test
    void journalistsMayNotArrangeFrontsNorSeeTheirDrafts() {
        WebSession journalist = new WebSession(port);
        TestAccounts.signInWithBothFactors(journalist, accounts.create(true, Role.JOURNALIST));
        long id = content.article(section).publishedAt(now.minus(1, ChronoUnit.DAYS));

        HttpResponse<String> refused = journalist.get("/newsroom/fronts");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .contains("this page is not open to you")
                .contains("<a href=\"/account\">Your account</a> lists the areas open to you.");
        HttpResponse<String> visited = editor.get("/newsroom/fronts/home/publish");
        assertThat(visited.statusCode())
                .as("a form's address opened on its own")
                .isEqualTo(405);
        assertThat(visited.body()).contains("This address is for a form’s button");
        assertThat(journalist.get("/newsroom/fronts/home").statusCode()).isEqualTo(403);
        assertThat(journalist.get("/newsroom/preview/fronts/home").statusCode()).isEqualTo(403);
        journalist.get("/newsroom");
        assertThat(journalist
                        .post("/newsroom/fronts/home/stories", Map.of("articleId", String.valueOf(id)))
                        .statusCode())
                .isEqualTo(403);
        assertThat(journalist.post("/newsroom/fronts/home/publish", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(journalist.get("/newsroom").body()).doesNotContain("/newsroom/fronts");
        assertThatThrownBy(() -> frontDesk.add(new Staff(1, "A journalist", false), Front.home(), id, FrontLayout.LEAD))
                .as("the rule holds in the service too, whatever route asks")
                .isInstanceOf(NotAllowedException.class);
        assertThat(frontDesk
                        .draft(new Staff(1, "An editor", true), Front.home())
                        .slots())
                .isEmpty();
    }

    @Test
    void previewsOfFrontsAreRefusedToReadersAndVisitors() {
        WebSession signedInReader = new WebSession(port);
        TestAccounts.signIn(signedInReader, accounts.create(true));

        assertThat(signedInReader.get("/newsroom/preview/fronts/home").statusCode())
                .isEqualTo(403);
        HttpResponse<String> anonymous = reader.get("/newsroom/preview/fronts/home");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
        assertThat(editor.get("/newsroom/preview/fronts/no-such-front").statusCode())
                .isEqualTo(404);
    }

    @Test
    void badInputIsRefusedWithAMessageAndChangesNothing() {
        long id = content.article(section).publishedAt(now.minus(1, ChronoUnit.DAYS));
        long draft = content.article(section).draft();
        add("home", id, "LEAD");

        editor.post("/newsroom/fronts/home/stories", Map.of("articleId", String.valueOf(id)));
        assertThat(editor.get("/newsroom/fronts/home").body())
                .contains("Not added. That story is on this front already.");
        editor.post("/newsroom/fronts/home/stories", Map.of("articleId", String.valueOf(draft)));
        assertThat(editor.get("/newsroom/fronts/home").body())
                .contains("Not added. Only a published story can go on a front");
        assertThat(editor.post("/newsroom/fronts/home/stories/" + id + "/layout", Map.of("layout", "HUGE"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(editor.post("/newsroom/fronts/home/stories/" + draft + "/up", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(fronts.draft(editorPrincipal(), Front.home()))
                .extracting(slot -> slot.card().id(), FrontSlot::layout)
                .containsExactly(tuple(id, FrontLayout.LEAD));
    }

    private static SignedIn editorPrincipal() {
        return new org.masthead.accounts.SignedIn(1, "An editor", java.util.Set.of(Role.EDITOR), true, null);
    }

    private void add(String front, long articleId, String layout) {
        HttpResponse<String> added = editor.submit(
                "/newsroom/fronts/" + front,
                "/newsroom/fronts/" + front + "/stories",
                Map.of("articleId", String.valueOf(articleId), "layout", layout));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith("#story-" + articleId);
        editor.get("/newsroom/fronts/" + front);
    }

    /** The lead column of a front's top stories; empty when there is none. */
    static String leadOf(String page) {
        int start = page.indexOf("front-top__lead");
        if (start < 0) {
            return "";
        }
        int end = page.indexOf("front-top__rest", start);
        return page.substring(start, end < 0 ? page.indexOf("</section>", start) : end);
    }

    /** The top stories of a front, lead and all. */
    static String topOf(String page) {
        int start = page.indexOf("class=\"front-top");
        return start < 0 ? "" : page.substring(start, page.indexOf("</section>", start));
    }

    /** The first is the lead; the others follow it in the top stories, in this order. */
    private static void assertInOrder(String page, String lead, String... others) {
        assertThat(leadOf(page)).contains(lead);
        String top = topOf(page);
        int previous = top.indexOf(lead);
        for (String other : others) {
            assertThat(top.indexOf(other)).as(other + " after the one above it").isGreaterThan(previous);
            previous = top.indexOf(other);
        }
    }
}
