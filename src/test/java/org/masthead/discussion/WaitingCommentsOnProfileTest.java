package org.masthead.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.discussion.Participant.json;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.accounts.ProfileSection;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.TestContent;
import org.masthead.site.ArticleAddresses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A reader whose comment waits for a moderator finds it on their own profile, marked as seen by them alone,
 * with a way to it under its article. The profile page is cached and the same for everyone, so the comment
 * is never in its bytes: it comes from the reader's own JSON, which tells nobody else about it.
 */
@MastheadTest
class WaitingCommentsOnProfileTest {

    static final String HELD = "My first words here, kept for a moderator";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    ArticleAddresses addresses;

    @Autowired
    JdbcClient db;

    Http anonymous;
    Participant author;
    Participant other;
    long article;
    long held;

    @BeforeEach
    void aReaderWhoseCommentWaits() {
        anonymous = new Http(port);
        article = content.article(content.section(TestContent.unique("Waiting")))
                .headline("A story with a held comment")
                .published();
        author = Participant.signIn(port, accounts.create(true));
        other = Participant.signIn(port, accounts.create(true));
        author.posted(article, "Published words anyone may read");
        held = author.posted(article, HELD);
        db.sql("UPDATE comment SET status = 'pending' WHERE id = :id")
                .param("id", held)
                .update();
    }

    @Test
    void theAuthorSeesTheirWaitingCommentOnTheirOwnProfileWithAWayToIt() {
        HttpResponse<String> me = author.web.get("/discussion/readers/" + author.id() + "/me");

        assertThat(me.headers().firstValue("Cache-Control").orElse(""))
                .contains("no-store")
                .contains("private");
        JsonNode waiting = json(me).get("waiting");
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).get("body").asString()).isEqualTo(HELD);
        assertThat(waiting.get(0).get("articleHeadline").asString()).isEqualTo("A story with a held comment");
        assertThat(waiting.get(0).get("link").asString())
                .isEqualTo(addresses.pathOf(article).orElseThrow() + "#own-comment-" + held);
        assertThat(waiting.get(0).get("posted").get("iso").asString()).isNotBlank();

        String profile =
                author.web.get(ProfileSection.profilePath(author.displayName())).body();
        assertThat(profile)
                .as("the page has a place for them, filled from the reader's own JSON")
                .contains("data-waiting-comments hidden")
                .doesNotContain(HELD);
    }

    @Test
    void nobodyElseLearnsOfItAndTheCachedProfileNeverHoldsIt() {
        String path = ProfileSection.profilePath(author.displayName());

        for (int visit = 0; visit < 2; visit++) {
            HttpResponse<String> page = anonymous.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("public");
            assertThat(page.body()).contains("Published words anyone may read").doesNotContain(HELD);
        }
        assertThat(other.web.get(path).body()).doesNotContain(HELD);

        HttpResponse<String> asOther = other.web.get("/discussion/readers/" + author.id() + "/me");
        assertThat(json(asOther).has("waiting")).isFalse();
        assertThat(asOther.body()).doesNotContain(HELD);
        HttpResponse<String> signedOut = anonymous.get("/discussion/readers/" + author.id() + "/me");
        assertThat(json(signedOut).has("waiting")).isFalse();
        assertThat(signedOut.body()).doesNotContain(HELD);
        assertThat(json(other.web.get("/discussion/readers/" + other.id() + "/me"))
                        .has("waiting"))
                .as("another reader's own profile has nothing of the author's")
                .isFalse();
    }

    @Test
    void anApprovedCommentLeavesTheWaitingList() {
        db.sql("UPDATE comment SET status = 'published' WHERE id = :id")
                .param("id", held)
                .update();

        assertThat(json(author.web.get("/discussion/readers/" + author.id() + "/me"))
                        .has("waiting"))
                .isFalse();
    }
}
