package org.masthead.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Participant;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff picks: editors and moderators pick comments from the conversation or the console; a picked
 * comment is marked, listed under the Picks tab, its author told once, and the pick is in the audit log.
 */
@MastheadTest
class StaffPicksTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    JdbcClient db;

    Http http;
    long article;
    Participant author;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        article = content.article(content.section("Picked")).published();
        author = Participant.signIn(port, accounts.create(true));
    }

    private String thread() {
        return http.get("/discussion/" + article + "/thread").body();
    }

    private String picksTab() {
        HttpResponse<String> picks = http.get("/discussion/" + article + "/thread?sort=picks");
        assertThat(picks.statusCode()).isEqualTo(200);
        return picks.body();
    }

    private int picksNotifications(long commentId) {
        return db.sql("SELECT count(*) FROM notification WHERE kind = 'picked' AND comment_id = :comment")
                .param("comment", commentId)
                .query(Integer.class)
                .single();
    }

    @Test
    void anEditorPicksACommentFromTheThreadAndEveryoneSeesItMarkedAndUnderThePicksTab() {
        long picked = author.posted(article, "The bridge closure was announced with two days' notice.");
        author.posted(article, "A comment nobody picks.");
        assertThat(thread()).doesNotContain("Staff pick");
        assertThat(picksTab()).contains("No staff picks yet.").doesNotContain("two days' notice");
        Participant editor = Participant.signInWithBothFactors(port, accounts.create(true, Role.EDITOR));
        assertThat(editor.me(article).get("canPick").asBoolean()).isTrue();

        HttpResponse<String> pick = editor.act(article, "/moderation/comments/" + picked + "/pick");

        assertThat(pick.statusCode()).as(pick.body()).isEqualTo(204);
        assertThat(thread())
                .as("the cached conversation was dropped and shows the mark")
                .containsPattern("id=\"comment-" + picked + "\"[^>]*data-picked=\"true\"")
                .contains("Staff pick");
        String tab = picksTab();
        assertThat(tab)
                .contains("The bridge closure was announced with two days")
                .doesNotContain("A comment nobody picks.")
                .containsPattern(
                        "data-sort=\"picks\"[^>]*aria-current=\"true\"|aria-current=\"true\"[^>]*data-sort=\"picks\"");
        assertThat(http.get("/discussion/" + article + "?sort=picks").body())
                .as("the page that works without a script has the tab too")
                .contains("The bridge closure was announced with two days")
                .doesNotContain("A comment nobody picks.");
        assertThat(db.sql("SELECT moderator_id || ':' || action FROM moderation_decision WHERE comment_id = :comment")
                        .param("comment", picked)
                        .query(String.class)
                        .list())
                .containsExactly(editor.id() + ":pick");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> author.web.get("/notifications").body(), page -> page.contains("was picked"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        db.sql("SELECT count(*) FROM live_event WHERE name = 'comment-changed' AND data LIKE :data")
                                        .param("data", "%\"commentId\":" + picked + ",%")
                                        .query(Integer.class)
                                        .single()
                                > 0);
    }

    @Test
    void unpickingTakesTheMarkAwayAndPickingAgainDoesNotTellTheAuthorTwice() {
        long id = author.posted(article, "Picked, un-picked and picked again.");
        Participant moderator = Participant.signInWithBothFactors(port, accounts.create(true, Role.MODERATOR));
        moderator.act(article, "/moderation/comments/" + id + "/pick");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> picksNotifications(id) == 1);

        assertThat(moderator
                        .act(article, "/moderation/comments/" + id + "/unpick")
                        .statusCode())
                .isEqualTo(204);

        assertThat(thread()).contains("Picked, un-picked and picked again.").doesNotContain("Staff pick");
        assertThat(picksTab()).doesNotContain("Picked, un-picked and picked again.");

        moderator.act(article, "/moderation/comments/" + id + "/pick");
        assertThat(picksTab()).contains("Picked, un-picked and picked again.");
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> picksNotifications(id) == 1);
        assertThat(db.sql("SELECT action FROM moderation_decision WHERE comment_id = :comment ORDER BY id")
                        .param("comment", id)
                        .query(String.class)
                        .list())
                .containsExactly("pick", "unpick", "pick");
    }

    @Test
    void aModeratorPicksFromTheConsoleAndTheQueueSaysSo() {
        long id = author.posted(article, "Picked from the console's recent queue.");
        WebSession moderator = new WebSession(port);
        TestAccounts.signInWithBothFactors(moderator, accounts.create(true, Role.MODERATOR));
        String recent = moderator.get("/moderation?queue=recent").body();
        assertThat(recent).contains("/moderation/comments/" + id + "/pick");

        HttpResponse<String> picked = moderator.post("/moderation/comments/" + id + "/pick", Map.of("queue", "recent"));

        assertThat(picked.statusCode()).isEqualTo(302);
        String after = moderator
                .get(picked.headers().firstValue("Location").orElseThrow())
                .body();
        assertThat(after).contains("Picked: the comment is marked as a staff pick");
        assertThat(after).contains("/moderation/comments/" + id + "/unpick");
        assertThat(picksTab()).contains("Picked from the console");
    }

    @Test
    void anEditorSignedInWithAPasswordAloneIsNotOfferedPickUntilTheSecondStep() {
        author.posted(article, "Picked only with both factors.");
        Participant editor = Participant.signIn(port, accounts.create(true, Role.EDITOR));

        assertThat(editor.me(article).get("canPick").asBoolean())
                .as("the pick routes would only send this editor to the second step")
                .isFalse();
    }

    @Test
    void aReaderCannotPickAndAHeldOrUnknownCommentCannotBePicked() {
        long id = author.posted(article, "A reader tries to pick this.");
        Participant reader = Participant.signIn(port, accounts.create(true));
        assertThat(reader.me(article).has("canPick")
                        && reader.me(article).get("canPick").asBoolean())
                .isFalse();

        assertThat(reader.act(article, "/moderation/comments/" + id + "/pick").statusCode())
                .isEqualTo(403);
        Participant editor = Participant.signInWithBothFactors(port, accounts.create(true, Role.EDITOR));
        assertThat(editor.act(article, "/moderation/comments/999999999/pick").statusCode())
                .isEqualTo(404);
        author.act(article, "/discussion/comments/" + id + "/delete");
        assertThat(editor.act(article, "/moderation/comments/" + id + "/pick").statusCode())
                .isEqualTo(409);
        assertThat(picksTab()).doesNotContain("A reader tries to pick this.");
        assertThat(db.sql("SELECT count(*) FROM moderation_decision WHERE comment_id = :comment")
                        .param("comment", id)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
