package org.masthead.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Participant;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Readers follow topics and authors and find what they publish under "My news". */
@MastheadTest
class FollowsTest {

    private static final Pattern CSRF =
            Pattern.compile("\"csrf\":\\{\"header\":\"([^\"]+)\",\"token\":\"([^\"]+)\"\\}");

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient db;

    @LocalServerPort
    int port;

    Section section;
    Tag topic;
    Author author;
    WebSession reader;

    @BeforeEach
    void setUp() {
        section = content.section("Followed");
        topic = content.tag("Housing");
        author = content.author("Nadia TopicFollows");
        reader = new WebSession(port);
        TestAccounts.signIn(reader, accounts.create(true));
    }

    @Test
    void aFollowedTopicsAndAuthorsNewArticlesAppearUnderMyNewsNewestFirst() {
        content.article(section).headline("Something by Nadia").by(author).published();
        assertThat(reader.get("/my-news").body())
                .contains("You follow no topics or authors yet")
                .as("somewhere to start, and no heading over an empty list")
                .contains("Authors to start with")
                .containsPattern("<a href=\"/author/[^\"]+\">")
                .doesNotContain("Latest articles");
        assertThat(reader.get("/follows/state/topic/" + topic.slug()).body()).contains("\"following\":false");

        assertThat(change(reader, "POST", "topic/" + topic.slug()).body()).isEqualTo("{\"following\":true}");
        assertThat(change(reader, "POST", "author/" + author.slug()).statusCode())
                .isEqualTo(200);
        assertThat(reader.get("/follows/state/topic/" + topic.slug()).body()).contains("\"following\":true");
        Instant now = Instant.now();
        content.article(section).headline("Rents rise again").tagged(topic).publishedAt(now.minus(2, ChronoUnit.HOURS));
        long budget = content.article(section)
                .headline("Nadia on the budget")
                .by(author)
                .publishedAt(now.minus(1, ChronoUnit.HOURS));
        Participant.signIn(port, accounts.create(true)).posted(budget, "Worth reading.");
        content.article(section).headline("Unfollowed news").published();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String page = reader.get("/my-news").body();
            assertThat(page).contains("Nadia on the budget", "Rents rise again").doesNotContain("Unfollowed news");
            assertThat(page.indexOf("Nadia on the budget")).isLessThan(page.indexOf("Rents rise again"));
        });
        assertThat(reader.get("/my-news").body())
                .contains(">Housing</a>", ">Nadia TopicFollows</a>")
                .doesNotContain("Authors to start with");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        reader.get("/my-news").body())
                .as("the cards count comments, as on topic pages")
                .contains(">1 comment</a>"));

        change(reader, "DELETE", "topic/" + topic.slug());
        assertThat(reader.get("/my-news").body())
                .doesNotContain("Rents rise again")
                .contains("Nadia on the budget");
    }

    @Test
    void whatAReaderFollowsIsInTheirDataAndGoesWithTheirAccount() {
        TestAccounts.Credentials account = accounts.create(true);
        WebSession follower = new WebSession(port);
        TestAccounts.signIn(follower, account);
        change(follower, "POST", "topic/" + topic.slug());
        change(follower, "POST", "author/" + author.slug());

        assertThat(follower.get("/account/export").body())
                .contains("\"followedTopicsAndAuthors\"")
                .contains("\"slug\" : \"" + topic.slug() + "\"")
                .contains("\"name\" : \"Nadia TopicFollows\"");

        follower.submit("/account/delete", "/account/delete", Map.of("password", TestAccounts.PASSWORD));

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> db.sql("SELECT count(*) FROM topic_follow WHERE reader_id = :reader")
                                .param("reader", account.id())
                                .query(Integer.class)
                                .single()
                        == 0);
    }

    @Test
    void aPagePastTheLastGoesToTheLastAndNothingPublishedIsSaidOnlyWhenTrue() {
        Author quiet = content.author("Quiet TopicFollows");
        change(reader, "POST", "author/" + quiet.slug());
        HttpResponse<String> nothingYet = reader.get("/my-news?page=2");
        assertThat(nothingYet.statusCode()).isEqualTo(302);
        assertThat(nothingYet.headers().firstValue("Location").orElseThrow()).endsWith("/my-news");
        assertThat(reader.get("/my-news").body()).contains("Nothing published yet by what you follow.");

        content.article(section).headline("The one article by Quiet").by(quiet).published();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> reader.get("/my-news").body().contains("The one article by Quiet"));

        for (String past : new String[] {"2", "99"}) {
            HttpResponse<String> response = reader.get("/my-news?page=" + past);
            assertThat(response.statusCode()).as(past).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow())
                    .as(past)
                    .endsWith("/my-news");
        }
        assertThat(reader.get("/my-news").body()).doesNotContain("Nothing published yet");
    }

    @Test
    void anotherReadersMyNewsIsTheirOwn() {
        change(reader, "POST", "topic/" + topic.slug());
        content.article(section).headline("Only for the follower").tagged(topic).published();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> reader.get("/my-news").body().contains("Only for the follower"));

        WebSession other = new WebSession(port);
        TestAccounts.signIn(other, accounts.create(true));

        assertThat(other.get("/my-news").body()).doesNotContain("Only for the follower");
    }

    @Test
    void visitorsAreAskedToSignInAndNothingElseIsFollowed() {
        WebSession visitor = new WebSession(port);
        assertThat(visitor.get("/follows/state/topic/" + topic.slug()).body())
                .isEqualTo("{\"signedIn\":false,\"following\":false}");
        assertThat(visitor.get("/my-news").statusCode()).isEqualTo(302);

        assertThat(change(reader, "POST", "topic/no-such-topic-here").statusCode())
                .isEqualTo(404);
        assertThat(change(reader, "POST", "section/" + topic.slug()).statusCode())
                .isEqualTo(400);
        assertThat(reader.get("/my-news?page=0").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> change(WebSession session, String method, String what) {
        Matcher csrf =
                CSRF.matcher(session.get("/follows/state/topic/" + topic.slug()).body());
        assertThat(csrf.find()).as("the state hands out a CSRF token").isTrue();
        String[] headers = {csrf.group(1), csrf.group(2), "Accept", "application/json"};
        return method.equals("POST")
                ? session.postBody("/follows/" + what, "application/json", new byte[0], headers)
                : session.delete("/follows/" + what, headers);
    }
}
