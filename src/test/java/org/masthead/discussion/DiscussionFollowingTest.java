package org.masthead.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.discussion.Participant.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.accounts.AccountDeleted;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Readers following readers: from comments and profiles, on profiles, in the following feed, and after deletion. */
@MastheadTest
class DiscussionFollowingTest {

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient db;

    Http http;
    long article;
    Participant ann;
    Participant bob;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        article = content.article(content.section("Follow")).published();
        ann = Participant.signIn(port, accounts.create(true));
        bob = Participant.signIn(port, accounts.create(true));
    }

    String profile(Participant reader) {
        return http.get("/profile/" + reader.account.displayName().replace(" ", "%20"))
                .body();
    }

    @Test
    void followingAReaderShowsOnTheirProfileAndTheirCommentsInMyFeed() {
        long comment = ann.posted(article, "Worth following");
        assertThat(profile(ann)).contains("0 followers").contains("Worth following");

        assertThat(bob.act(article, "/discussion/readers/" + ann.id() + "/follow")
                        .statusCode())
                .isEqualTo(204);
        assertThat(bob.act(article, "/discussion/readers/" + ann.id() + "/follow")
                        .statusCode())
                .isEqualTo(204);
        assertThat(json(bob.web.get("/discussion/readers/" + ann.id() + "/me"))
                        .get("following")
                        .asBoolean())
                .isTrue();
        assertThat(bob.me(article).get("following").get(0).asLong()).isEqualTo(ann.id());
        assertThat(profile(ann)).contains("1 follower");
        assertThat(profile(bob)).contains("1 following");
        bob.replied(article, comment, "Agreed.");
        assertThat(profile(bob))
                .as("a reply said in a sentence")
                .contains(" replied to a comment on ")
                .doesNotContain(" replied on ");

        String feed = bob.web.get("/following").body();
        assertThat(feed).contains("Worth following").contains("/comment/" + comment);
        assertThat(feed)
                .as("whom I follow, each leading to where I can stop")
                .contains("The reader you follow")
                .containsPattern("<a href=\"/profile/[^\"]+\">"
                        + java.util.regex.Pattern.quote(ann.account.displayName()) + "</a>");
        assertThat(ann.web.get("/following").body()).doesNotContain("Worth following");

        assertThat(bob.act(article, "/discussion/readers/" + ann.id() + "/unfollow")
                        .statusCode())
                .isEqualTo(204);
        assertThat(profile(ann)).contains("0 followers");
        assertThat(bob.web.get("/following").body()).doesNotContain("Worth following");
    }

    @Test
    void noOneFollowsThemselvesOrAnUnknownReader() {
        HttpResponse<String> self = ann.act(article, "/discussion/readers/" + ann.id() + "/follow");
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(json(self).get("detail").asString()).isEqualTo("You cannot follow yourself.");
        assertThat(ann.act(article, "/discussion/readers/999999999/follow").statusCode())
                .isEqualTo(404);
        assertThat(json(ann.web.get("/discussion/readers/" + ann.id() + "/me"))
                        .get("self")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void profileListsCommentsNewestFirstAPageAtATime() {
        for (int i = 0; i < 22; i++) {
            db.sql(
                            """
                            INSERT INTO comment (article_id, author_id, body, status, posted_at, idempotency_key)
                            VALUES (:a, :author, :body, 'published', now() - make_interval(mins => :i), gen_random_uuid())""")
                    .param("a", article)
                    .param("author", ann.id())
                    .param("body", "Profile comment " + i + ".")
                    .param("i", i)
                    .update();
        }
        String first = profile(ann);
        assertThat(first).contains("Profile comment 0.").contains("Profile comment 19.");
        assertThat(first).doesNotContain("Profile comment 20.");
        assertThat(first.indexOf("Profile comment 0.")).isLessThan(first.indexOf("Profile comment 1."));
        java.util.regex.Matcher older =
                java.util.regex.Pattern.compile("before=([0-9_]+)").matcher(first);
        assertThat(older.find()).isTrue();
        String second = http.get(
                        "/profile/" + ann.account.displayName().replace(" ", "%20") + "?before=" + older.group(1))
                .body();
        assertThat(second).contains("Profile comment 20.").contains("Profile comment 21.");
        assertThat(second).doesNotContain("Profile comment 19.");
    }

    @Test
    void aDeletedReadersFollowsAndRecommendationsGoAndTheirCommentsShowAsAFormerReader() {
        long comment = ann.posted(article, "Before I leave");
        long bobs = bob.posted(article, "Bob's view");
        assertThat(ann.act(article, "/discussion/comments/" + bobs + "/recommend")
                        .statusCode())
                .isEqualTo(204);
        ann.act(article, "/discussion/readers/" + bob.id() + "/follow");
        bob.act(article, "/discussion/readers/" + ann.id() + "/follow");

        HttpResponse<String> deleted =
                ann.web.submit("/account/delete", "/account/delete", Map.of("password", TestAccounts.PASSWORD));
        assertThat(deleted.body()).contains("Your account is deleted");

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(db.sql("SELECT recommendations FROM comment WHERE id = :id")
                            .param("id", bobs)
                            .query(Integer.class)
                            .single())
                    .isZero();
            assertThat(db.sql("SELECT count(*) FROM reader_follow WHERE follower_id = :id OR followed_id = :id")
                            .param("id", ann.id())
                            .query(Integer.class)
                            .single())
                    .isZero();
        });
        String thread = http.get("/discussion/" + article + "/thread").body();
        assertThat(thread).contains("Before I leave").contains(AccountDeleted.SHOWN_AS);
        assertThat(thread).doesNotContain(ann.account.displayName());
        assertThat(thread)
                .as("nothing stable on the page ties a former reader's comments together, or to them")
                .doesNotContain("data-author-id=\"" + ann.id() + "\"");
        assertThat(comment).isPositive();
        assertThat(bob.web.get("/discussion/readers/" + ann.id() + "/me").statusCode())
                .isEqualTo(404);
        assertThat(bob.act(article, "/account/muted/" + ann.id()).statusCode())
                .as("a former reader cannot be muted: there is nobody to single out")
                .isEqualTo(404);
        assertThat(bob.act(article, "/discussion/readers/" + ann.id() + "/follow")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void personalDataExportHoldsMyCommentsAndWhomIFollow() {
        ann.posted(article, "Exported words");
        ann.act(article, "/discussion/readers/" + bob.id() + "/follow");
        String export = ann.web.get("/account/export").body();
        assertThat(export).contains("Exported words").contains("\"discussion\"");
        assertThat(export)
                .as("whom I follow, by the name the site shows and their profile, not by number alone")
                .contains("\"displayName\" : \"" + bob.account.displayName() + "\"")
                .contains("\"profile\" : \"/profile/");
    }

    @Test
    void personalDataExportHoldsTheCommentsIRecommendAndTheReportsIMade() {
        long recommended = bob.posted(article, "Worth a recommendation");
        long reported = bob.posted(article, "Worth a report");
        assertThat(ann.act(article, "/discussion/comments/" + recommended + "/recommend")
                        .statusCode())
                .isEqualTo(204);
        assertThat(ann.report(article, reported, "other", "Detail for other: test report")
                        .statusCode())
                .isEqualTo(204);

        JsonNode discussion =
                Participant.JSON.readTree(ann.web.get("/account/export").body()).get("discussion");

        JsonNode recommendation = discussion.get("recommended").get(0);
        assertThat(recommendation.get("comment").asLong()).isEqualTo(recommended);
        assertThat(recommendation.get("permalink").asString()).isEqualTo("/comment/" + recommended);
        assertThat(recommendation.has("recommendedAt")).isTrue();
        JsonNode report = discussion.get("reported").get(0);
        assertThat(report.get("comment").asLong()).isEqualTo(reported);
        assertThat(report.get("reason").asString()).isEqualTo("Something else");
        assertThat(report.get("detail").asString()).isEqualTo("Detail for other: test report");
        assertThat(report.has("reportedAt")).isTrue();
        assertThat(Participant.JSON
                        .readTree(bob.web.get("/account/export").body())
                        .get("discussion")
                        .get("reported"))
                .as("a report is in its reporter's file, not in that of the reader reported")
                .isEmpty();
    }
}
