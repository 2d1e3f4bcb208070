package org.masthead.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.discussion.Participant.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Discussion;
import org.masthead.discussion.Participant;
import org.masthead.newsroom.TestContent;
import org.masthead.site.CommentCounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every new or changed comment passes the moderation rules on its way in: here with the defaults a
 * site starts with (a new reader's first three comments held), in an application of its own.
 */
@MastheadTest
@TestPropertySource(properties = "masthead.moderation.held-first-comments=3")
class ScreeningTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    /** What the article's cards and thread show. */
    @Autowired
    CommentCounts commentCounts;

    @Autowired
    TestModeration moderation;

    @Autowired
    Moderation moderationApi;

    @Autowired
    Discussion discussion;

    @Autowired
    JdbcClient db;

    Http http;
    long article;
    Participant newcomer;
    Participant regular;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        article = content.article(content.section("Screened")).published();
        newcomer = Participant.signIn(port, accounts.create(true));
        regular = Participant.signIn(port, accounts.create(true));
        moderationApi.trust(regular.id(), null);
    }

    private String thread() {
        return http.get("/discussion/" + article + "/thread").body();
    }

    private int commentCount() {
        return commentCounts.of(List.of(article)).getOrDefault(article, 0);
    }

    private String screening(long commentId, String column) {
        return db.sql("SELECT " + column + " FROM moderation_screening WHERE comment_id = :id")
                .param("id", commentId)
                .query(String.class)
                .single();
    }

    private static String fieldError(HttpResponse<String> response) {
        return json(response).get("errors").get("body").asString();
    }

    @Test
    void aNewReadersFirstCommentsWaitForAModeratorSeenOnlyByTheirAuthorUntilApproved() {
        HttpResponse<String> posted = newcomer.post(article, "My first words here: the trains are late.");

        assertThat(posted.statusCode()).isEqualTo(201);
        JsonNode body = json(posted);
        long id = body.get("id").asLong();
        assertThat(body.get("held").asBoolean()).isTrue();
        assertThat(body.get("message").asString()).contains("waiting for a moderator");
        assertThat(body.get("reason").asString())
                .as("why, in words for its author")
                .isEqualTo("A moderator reads a new reader's first comments before they are shown.");
        assertThat(thread()).doesNotContain("the trains are late");
        assertThat(commentCount()).isZero();
        assertThat(screening(id, "step")).isEqualTo("new-reader");
        assertThat(screening(id, "reason")).isEqualTo("One of the first 3 comments of a new reader");

        JsonNode own = newcomer.me(article).get("moderated");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("status").asString()).isEqualTo("pending");
        assertThat(own.get(0).get("body").asString()).isEqualTo("My first words here: the trains are late.");
        assertThat(regular.me(article).get("moderated")).isEmpty();
        assertThat(regular.reply(article, id, "Answering what I cannot see.").statusCode())
                .as("another reader learns nothing of a held comment, not even that it exists")
                .isEqualTo(404);

        assertThat(discussion.approve(id)).isTrue();

        assertThat(thread()).contains("the trains are late");
        assertThat(commentCount()).isEqualTo(1);
        assertThat(newcomer.me(article).get("moderated")).isEmpty();
        assertThat(discussion.approve(id)).as("approved once only").isFalse();
    }

    @Test
    void onceThreeOfTheirCommentsArePublishedANewReadersNextCommentIsPublishedAtOnce() {
        for (int i = 1; i <= 3; i++) {
            long id = json(newcomer.post(article, "Held comment number " + i))
                    .get("id")
                    .asLong();
            discussion.approve(id);
        }

        JsonNode fourth = json(newcomer.post(article, "Now I am a regular."));

        assertThat(fourth.get("held").asBoolean()).isFalse();
        assertThat(thread()).contains("Now I am a regular.");
    }

    @Test
    void aBannedWordIsRefusedWithAFieldErrorHoweverItIsDisguisedAndNothingIsStored() {
        moderation.ban("Flobberwit");

        HttpResponse<String> refused = regular.post(article, "You absolute FL0BB3R.W1T!");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(fieldError(refused))
                .isEqualTo(
                        "Your comment uses “FL0BB3R.W1T”, which our community standards do not allow. Please rephrase it.");
        assertThat(db.sql("SELECT count(*) FROM comment WHERE article_id = :a")
                        .param("a", article)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(regular.post(article, "A flobber and a wit walked into a bar.")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void aRefusalNamesTheWordTheReaderWroteNotTheListsWildcard() {
        moderation.ban("zorbl*");

        assertThat(fieldError(regular.post(article, "Buy cheap watches, zorbly deals here")))
                .startsWith("Your comment uses “zorbly”,")
                .doesNotContain("*");
        assertThat(fieldError(regular.post(article, "Stop zorbling the thread with ads please.")))
                .contains("“zorbling”");
    }

    @Test
    void aSuspectWordHoldsTheCommentAndSaysWhichWord() {
        moderation.suspect("gronkle");

        long id = json(regular.post(article, "That is a proper GRONKLE of a plan."))
                .get("id")
                .asLong();

        assertThat(screening(id, "step")).isEqualTo("suspect-words");
        assertThat(screening(id, "reason")).isEqualTo("Uses “gronkle”, a suspect word");
        assertThat(thread()).doesNotContain("GRONKLE");
    }

    @Test
    void moreThanTwoLinksHoldTheComment() {
        JsonNode twoLinks = json(regular.post(article, "See https://a.example/1 and https://a.example/2"));
        JsonNode threeLinks =
                json(regular.post(article, "See https://a.example/1 https://a.example/2 https://a.example/3"));

        assertThat(twoLinks.get("held").asBoolean()).isFalse();
        assertThat(threeLinks.get("held").asBoolean()).isTrue();
        assertThat(screening(threeLinks.get("id").asLong(), "reason")).isEqualTo("3 links, more than 2");
    }

    @Test
    void theSameTextAgainFromTheSameReaderIsRefusedAsSpamButNotFromAnother() {
        regular.post(article, "Buy cheap watches at my shop");
        HttpResponse<String> again = regular.post(article, "BUY cheap   watches at my shop!");

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(fieldError(again)).startsWith("You have already posted this text.");
        Participant other = Participant.signIn(port, accounts.create(true));
        moderationApi.trust(other.id(), null);
        assertThat(json(other.post(article, "Buy cheap watches at my shop"))
                        .get("held")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aHostileCommentIsHeldWithItsScoreOnRecord() {
        long id = json(regular.post(article, "You are a pathetic idiot and a moron."))
                .get("id")
                .asLong();

        assertThat(screening(id, "step")).isEqualTo("toxicity");
        assertThat(screening(id, "reason")).startsWith("Scored 1.00 for toxicity by the built-in scorer");
    }

    @Test
    void aNewReadersThreatIsHeldAsAFirstCommentWithItsToxicityScoreBesideIt() {
        long id = json(newcomer.post(article, "you are a pathetic idiot and I will hurt you"))
                .get("id")
                .asLong();

        assertThat(screening(id, "step")).isEqualTo("new-reader");
        assertThat(screening(id, "array_to_string(also_held_by, ',')"))
                .as("the built-in scorer runs here, so it is asked about a comment held already")
                .isEqualTo("toxicity");
        assertThat(screening(id, "array_to_string(notes, '|')"))
                .contains("Also: Scored 1.00 for toxicity by the built-in scorer, above 0.80 (the toxicity check)");
    }

    @Test
    void aSuspendedReaderIsRefusedUntilTheSuspensionEndsAndABannedOneForGood() {
        Instant now = Instant.now();
        moderation.sanction(regular.id(), "suspend", now.minusSeconds(60), now.plus(Duration.ofDays(7)));

        HttpResponse<String> refused = regular.post(article, "Let me back in.");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(fieldError(refused))
                .startsWith("You are suspended from commenting until ")
                .contains(String.valueOf(now.plus(Duration.ofDays(7))
                        .atZone(java.time.ZoneId.of("Europe/London"))
                        .getYear()))
                .endsWith("(Be civil): Insulted other readers");

        Participant former = Participant.signIn(port, accounts.create(true));
        moderationApi.trust(former.id(), null);
        moderation.sanction(former.id(), "suspend", now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(1)));
        assertThat(former.post(article, "My suspension is over.").statusCode()).isEqualTo(201);

        moderation.sanction(former.id(), "ban", now.minusSeconds(1), null);
        assertThat(fieldError(former.post(article, "Still here?"))).startsWith("You are banned from commenting");
    }

    @Test
    void anEditWithTooManyLinksIsHeldAndItsAuthorIsToldWhy() {
        long id = json(regular.post(article, "The anglerfish photos are remarkable."))
                .get("id")
                .asLong();

        JsonNode told = json(regular.edit(
                article,
                id,
                "The anglerfish photos are remarkable. https://a.example https://b.example https://c.example"));

        assertThat(told.get("held").asBoolean()).isTrue();
        assertThat(told.get("reason").asString()).contains("more links");
        assertThat(regular.me(article).get("moderated").get(0).get("id").asLong())
                .isEqualTo(id);
    }

    @Test
    void aNewReadersHeldReplySaysWhatItAnswers() {
        long answered = json(regular.post(article, "Connections at Vienna are tight."))
                .get("id")
                .asLong();

        long reply = json(newcomer.reply(article, answered, "Replying to you about connections."))
                .get("id")
                .asLong();

        JsonNode own = newcomer.me(article).get("moderated").get(0);
        assertThat(own.get("id").asLong()).isEqualTo(reply);
        assertThat(own.get("inReplyToId").asLong()).isEqualTo(answered);
        assertThat(own.get("inReplyTo").asString()).isEqualTo(regular.displayName());
    }

    @Test
    void aPreModeratedReadersCommentsAreHeld() {
        moderation.sanction(regular.id(), "premoderate", Instant.now().minusSeconds(1), null);

        long id = json(regular.post(article, "A measured comment.")).get("id").asLong();

        assertThat(screening(id, "step")).isEqualTo("sanctions");
        assertThat(thread()).doesNotContain("A measured comment.");
    }

    @Test
    void anEditThatWouldBeHeldTakesTheCommentOutOfTheConversationUntilApproved() {
        moderation.suspect("blatherskite");
        long id = json(regular.post(article, "A fine point.")).get("id").asLong();
        assertThat(commentCount()).isEqualTo(1);

        HttpResponse<String> changed = regular.edit(article, id, "A fine point, blatherskite.");

        assertThat(changed.statusCode())
                .as("its author is told at once, not left to find it gone")
                .isEqualTo(200);
        JsonNode told = json(changed);
        assertThat(told.get("held").asBoolean()).isTrue();
        assertThat(told.get("message").asString()).contains("waits for a moderator");
        assertThat(told.get("reason").asString())
                .as("why, in words for its author, without giving away the word that is checked")
                .contains("a word that a moderator checks")
                .doesNotContain("blatherskite");

        assertThat(thread()).doesNotContain("A fine point");
        assertThat(commentCount()).isZero();
        assertThat(screening(id, "step")).isEqualTo("suspect-words");
        discussion.approve(id);
        assertThat(thread()).contains("A fine point, blatherskite.");
    }

    @Test
    void aRejectedCommentLeavesTheConversationAndItsAuthorSeesWhy() {
        long id = json(regular.post(article, "Something a moderator removes."))
                .get("id")
                .asLong();

        assertThat(discussion.reject(id, "Off topic")).isTrue();

        assertThat(thread()).doesNotContain("Something a moderator removes.");
        assertThat(commentCount()).isZero();
        JsonNode own = regular.me(article).get("moderated").get(0);
        assertThat(own.get("status").asString()).isEqualTo("rejected");
        assertThat(own.get("reason").asString()).isEqualTo("Off topic");
    }

    @Test
    void aCommentReportedByThreeDifferentReadersIsHeldUntilAModeratorDecides() {
        long id = json(regular.post(article, "A comment some readers dislike."))
                .get("id")
                .asLong();
        for (int i = 0; i < 3; i++) {
            Participant reporter = Participant.signIn(port, accounts.create(true));
            assertThat(reporter.report(article, id, i == 0 ? "harassment" : "abuse", "")
                            .statusCode())
                    .isEqualTo(204);
            if (i < 2) {
                assertThat(thread()).contains("A comment some readers dislike.");
            }
        }

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !thread().contains(
                        "A comment some readers dislike."));
        assertThat(screening(id, "step")).isEqualTo("reports");
        assertThat(screening(id, "reason")).isEqualTo("Reported by 3 readers");
        assertThat(commentCount()).isZero();
    }
}
