package org.masthead.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
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
 * What moderation holds about a reader is in their data export, and goes with their account: mutes,
 * moderators' notes about them; their appeals, sanctions and the audit log keep no words of or about them.
 */
@MastheadTest
class ModerationPrivacyTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    JdbcClient db;

    private int count(String sql, long id) {
        return db.sql(sql).param("id", id).query(Integer.class).single();
    }

    private static void redirected(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(302, 303);
    }

    @Test
    void theReadersMutesDecisionsAndAppealsAreInTheExportAndGoWithTheAccount() {
        long article = content.article(content.section("Private")).published();
        TestAccounts.Credentials account = accounts.create(true);
        Participant reader = Participant.signIn(port, account);
        long muted = accounts.create(true).id();
        assertThat(reader.act(article, "/account/muted/" + muted).statusCode()).isEqualTo(204);
        long comment = reader.posted(article, "Here is where my neighbour Jo Bloggs lives: 12 Elm Road.");
        WebSession moderator = new WebSession(port);
        TestAccounts.signInWithBothFactors(moderator, accounts.create(true, Role.MODERATOR));
        moderator.get("/moderation?queue=recent");
        redirected(moderator.post(
                "/moderation/comments/" + comment + "/reject",
                Map.of("reason", "personal-information", "note", "Named Jo Bloggs and gave an address")));
        redirected(moderator.post(
                "/moderation/readers/" + account.id() + "/sanctions",
                Map.of("kind", "warn", "rule", "privacy", "reason", "Published Jo Bloggs's home address")));
        redirected(moderator.post(
                "/moderation/readers/" + account.id() + "/notes",
                Map.of("text", "Seems to have a feud with a neighbour")));
        long decision = db.sql("SELECT id FROM moderation_decision WHERE comment_id = :id")
                .param("id", comment)
                .query(Long.class)
                .single();
        reader.web.get("/appeals");
        redirected(reader.web.post(
                "/appeals",
                Map.of("about", "rejection", "id", String.valueOf(decision), "text", "Jo is my sister, she agreed.")));

        String export = reader.web.get("/account/export").body();

        assertThat(export)
                .contains("\"moderation\"")
                .containsPattern("\"readerId\"\\s*:\\s*" + muted + "\\b")
                .contains("Named Jo Bloggs and gave an address")
                .contains("Published Jo Bloggs's home address")
                .contains("Jo is my sister, she agreed.")
                .as("the moderators' private notes are theirs")
                .doesNotContain("Seems to have a feud with a neighbour");

        assertThat(reader.web
                        .submit("/account/delete", "/account/delete", Map.of("password", TestAccounts.PASSWORD))
                        .body())
                .contains("Your account is deleted");

        long id = account.id();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM moderation_mute WHERE reader_id = :id", id) == 0);
        assertThat(count("SELECT count(*) FROM moderation_reader_note WHERE account_id = :id", id))
                .isZero();
        assertThat(count("SELECT count(*) FROM moderation_sanction WHERE account_id = :id AND reason <> ''", id))
                .isZero();
        assertThat(count("SELECT count(*) FROM moderation_sanction WHERE account_id = :id", id))
                .as("the transparency report still counts the sanction")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM moderation_appeal WHERE account_id = :id AND text <> ''", id))
                .isZero();
        assertThat(count("SELECT count(*) FROM moderation_appeal WHERE account_id = :id", id))
                .isEqualTo(1);
        assertThat(db.sql(
                                """
                        SELECT count(*) FROM moderation_decision
                        WHERE note <> '' AND (comment_id = :comment
                           OR sanction_id IN (SELECT id FROM moderation_sanction WHERE account_id = :id))""")
                        .param("comment", comment)
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .as("the audit log keeps what was decided, not the words about the reader")
                .isZero();
        assertThat(db.sql("SELECT action || ':' || reason FROM moderation_decision WHERE comment_id = :comment")
                        .param("comment", comment)
                        .query(String.class)
                        .single())
                .isEqualTo("reject:personal-information");
        assertThat(count(
                        "SELECT count(*) FROM moderation_screening WHERE author_id = :id AND length(text_hash) > 0",
                        id))
                .isZero();
    }
}
