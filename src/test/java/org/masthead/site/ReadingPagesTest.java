package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Fronts and lists: the home page, sections with sub-sections, topics and authors, and their pages. */
@MastheadTest
class ReadingPagesTest {

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    @LocalServerPort
    int port;

    Http http;
    Section business;
    Section markets;
    Author author;
    Tag tag;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        http = new Http(port);
        business = content.section("Business");
        markets = content.subSection(business, "Markets");
        author = content.author("Priya Raman");
        tag = content.tag("Interest rates");
    }

    @Test
    void homePageLeadsWithTheLatestStoryAndHasABlockPerSection() {
        content.article(markets).headline("Older markets story").publishedAt(now.minus(2, ChronoUnit.HOURS));
        content.article(business)
                .headline("Bank holds rates as inflation eases")
                .publishedAt(now.plus(1, ChronoUnit.HOURS));

        // A cached home page is dropped just after the publication commits.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    String home = http.get("/").body();
                    assertThat(home).contains("card--lead");
                    assertThat(home.indexOf("Bank holds rates as inflation eases"))
                            .isGreaterThan(0)
                            .isLessThan(home.indexOf("card--compact"));
                    assertThat(home).contains("href=\"/" + business.path() + "\"");
                });
    }

    @Test
    void sectionPageListsItsOwnAndItsSubSectionsArticlesNewestFirst() {
        content.article(business).headline("Retailers report a quiet November").publishedAt(now.minusSeconds(60));
        content.article(markets).headline("Shares rally on chip earnings").publishedAt(now.minusSeconds(30));

        HttpResponse<String> page = http.get("/" + business.path());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Business</h1>").contains("href=\"/" + markets.path() + "\"");
        assertThat(page.body().indexOf("Shares rally on chip earnings"))
                .isPositive()
                .isLessThan(page.body().indexOf("Retailers report a quiet November"));
        assertThat(page.headers().firstValue("Surrogate-Key")).hasValue("section-" + business.id());
    }

    @Test
    void subSectionPageShowsItsBreadcrumb() {
        content.article(markets).headline("Bond yields slip").publishedAt(now.minusSeconds(10));

        String page = http.get("/" + markets.path()).body();

        assertThat(page)
                .contains("<h1>Markets</h1>")
                .contains("aria-label=\"Breadcrumb\"")
                .contains("Bond yields slip");
    }

    @Test
    void longSectionsArePaginated() {
        for (int i = 0; i < 25; i++) {
            content.article(business).headline("Story number " + i).publishedAt(now.minusSeconds(1000 - i));
        }

        String first = http.get("/" + business.path()).body();
        String second = http.get("/" + business.path() + "?page=2").body();

        assertThat(first)
                .contains("Story number 24")
                .doesNotContain("Story number 4<")
                .contains("rel=\"next\"");
        assertThat(second).contains("Story number 4<").contains("Page 2 of 2").contains("rel=\"prev\"");
        assertThat(second).contains("<title>Business (page 2) | The Masthead</title>");
    }

    @Test
    void pageNumberThatIsNotANumberIsABadRequestWithAHelpfulPage() {
        HttpResponse<String> response = http.get("/" + business.path() + "?page=abc", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("couldn’t make sense of that request")
                .doesNotContain("Exception");
    }

    @Test
    void pageNumberBelowOneIsABadRequest() {
        assertThat(http.get("/" + business.path() + "?page=-1").statusCode()).isEqualTo(400);
        assertThat(http.get("/" + business.path() + "?page=0").statusCode()).isEqualTo(400);
        assertThat(http.get("/" + business.path() + "?page=99999999999999").statusCode())
                .isEqualTo(400);
    }

    @Test
    void pagePastTheLastIsNotFound() {
        content.article(business).publishedAt(now.minusSeconds(5));

        assertThat(http.get("/" + business.path() + "?page=50").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownSectionIsAHelpful404WithLinksBack() {
        HttpResponse<String> response = http.get("/no-such-section", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body())
                .contains("couldn’t find that page")
                .contains("href=\"/" + business.path() + "\"")
                .doesNotContain("Whitelabel");
    }

    @Test
    void anAddressKeptForTheSiteThatNothingServesIsNotFoundForEveryone() {
        WebSession admin = new WebSession(port);
        TestAccounts.signInWithBothFactors(admin, accounts.create(true, Role.ADMIN));

        // Not a sign-in page for a reader, nor "not allowed" for an admin. (/admin is the admin pages' index.)
        for (String path : List.of("/about", "/author", "/topic", "/about/us", "/search/news")) {
            assertThat(http.get(path).statusCode()).as("%s for a reader", path).isEqualTo(404);
            assertThat(admin.get(path).statusCode()).as("%s for an admin", path).isEqualTo(404);
        }
    }

    @Test
    void aProgramThatIsNotSignedInIsToldSoIn401NotSentToTheSignInPage() {
        for (String path : List.of("/live/ticket", "/account/export", "/notifications")) {
            HttpResponse<String> response = http.get(path, "Accept", "application/json");

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .as(path)
                    .startsWith("application/problem+json");
        }
        assertThat(http.get("/notifications").statusCode())
                .as("a browser is still taken to sign in")
                .isEqualTo(302);
    }

    @Test
    void unknownPathsAreNotFoundForApiClientsToo() {
        HttpResponse<String> response = http.get("/a/b/c/d/e/f", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body())
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                        + "\"instance\":\"/a/b/c/d/e/f\"}");
    }

    @Test
    void topicPageListsTaggedArticles() {
        content.article(business)
                .headline("Mortgage rates fall again")
                .tagged(tag)
                .publishedAt(now.minusSeconds(20));
        content.article(business).headline("Untagged story").publishedAt(now.minusSeconds(10));

        HttpResponse<String> page = http.get("/topic/" + tag.slug());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Interest rates</h1>")
                .contains("Mortgage rates fall again")
                .doesNotContain("Untagged story");
        assertThat(http.get("/topic/no-such-topic").statusCode()).isEqualTo(404);
    }

    @Test
    void anAuthorWithNothingPublishedHasNoPageAndIsOfferedInNoList() {
        Author agency = content.author("Quiet Agency " + TestContent.unique("a"));
        long draft = content.article(business).by(agency).draft();

        assertThat(http.get("/author/" + agency.slug()).statusCode()).isEqualTo(404);
        assertThat(http.get("/author/" + agency.slug() + "/rss").statusCode()).isEqualTo(404);
        assertThat(http.get("/search?q=" + TestContent.unique("q")).body())
                .as("the search form's author filter")
                .contains("All authors")
                .doesNotContain(agency.name());

        content.republish(draft);

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(http.get("/author/" + agency.slug()).statusCode())
                                .isEqualTo(200));
        assertThat(http.get("/search?q=" + TestContent.unique("q")).body()).contains(agency.name());
    }

    @Test
    void authorPageShowsTheBioAndTheirArticles() {
        content.article(business)
                .headline("What the budget means for savers")
                .by(author)
                .publishedAt(now.minusSeconds(20));

        HttpResponse<String> page = http.get("/author/" + author.slug());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Priya Raman</h1>")
                .contains("Priya Raman writes for us.")
                .contains("What the budget means for savers");
        assertThat(http.get("/author/nobody-by-that-name").statusCode()).isEqualTo(404);
    }

    @Test
    void draftsAreNotPublic() {
        String slug = TestContent.unique("embargoed-story");
        content.article(business).slug(slug).headline("Embargoed story").draft();

        assertThat(http.get("/" + business.path()).body()).doesNotContain("Embargoed story");
        assertThat(http.get("/" + business.path() + "/2026/nov/24/" + slug).statusCode())
                .isEqualTo(404);
    }

    @Test
    void publishingInASubSectionRefreshesTheParentSectionAndHomePage() {
        http.get("/" + business.path());
        http.get("/");

        content.article(markets).headline("Breaking: markets close higher").publishedAt(now.plusSeconds(30));

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    assertThat(http.get("/" + business.path()).body()).contains("Breaking: markets close higher");
                    assertThat(http.get("/").body()).contains("Breaking: markets close higher");
                });
    }
}
