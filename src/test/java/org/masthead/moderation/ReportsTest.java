package org.masthead.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.test.context.TestPropertySource;

/**
 * Readers report a comment for spam, abuse, harassment, being off topic or anything else, with words
 * of their own; {@code reports-to-hold} (3) different readers hold it, and one reader reporting twice
 * counts once.
 */
@MastheadTest
@TestPropertySource(properties = "masthead.moderation.held-first-comments=3")
class ReportsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    Moderation moderation;

    @Autowired
    JdbcClient db;

    @Autowired
    TestModeration sanctions;

    long article;

    /** A reader the moderators vouch for, whose comments are published at once. */
    TestAccounts.Credentials known;

    @BeforeEach
    void setUp() {
        article = content.article(content.section("Reported")).published();
        known = accounts.create(true);
        moderation.trust(known.id(), null);
    }

    @Test
    void threeDifferentReadersHoldACommentWhateverTheirReasonAndOneReaderTwiceCountsOnce() {
        Participant author = Participant.signIn(port, known);
        long id = author.posted(article, "Buy cheap watches here.");
        Participant first = Participant.signIn(port, accounts.create(true));

        assertThat(author.report(article, id, "spam", "").statusCode())
                .as("nobody reports their own comment")
                .isEqualTo(403);

        assertThat(first.report(article, id, "boring", "").statusCode()).isEqualTo(400);
        assertThat(first.report(article, id, "spam", "An advert for watches").statusCode())
                .isEqualTo(204);
        assertThat(first.report(article, id, "abuse", "").statusCode()).isEqualTo(409);
        Participant second = Participant.signIn(port, accounts.create(true));
        assertThat(second.report(article, id, "harassment", "").statusCode()).isEqualTo(204);
        long other = Participant.signIn(port, known).posted(article, "Another comment, reported less.");
        assertThat(first.report(article, other, "off-topic", "").statusCode()).isEqualTo(204);
        assertThat(second.report(article, other, "personal-information", "").statusCode())
                .isEqualTo(204);
        assertThat(thread(article)).contains("Buy cheap watches here.").contains("Another comment, reported less.");

        Participant third = Participant.signIn(port, accounts.create(true));
        assertThat(third.report(article, id, "other", "Looks like a scam to me").statusCode())
                .isEqualTo(204);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !thread(article)
                .contains("Buy cheap watches here."));
    }

    @Test
    void suspendedAndBannedReadersMayNotReportNorRecommendAndTheirReportsNeverCount() {
        Participant author = Participant.signIn(port, known);
        long id = author.posted(article, "The night trains are back, and full.");
        Instant now = Instant.now();
        Participant banned = Participant.signIn(port, accounts.create(true));
        moderation.trust(banned.id(), null);
        banned.posted(article, "Written before the ban.");
        Participant suspended = Participant.signIn(port, accounts.create(true));
        Participant early = Participant.signIn(port, accounts.create(true));
        assertThat(early.report(article, id, "spam", "").statusCode())
                .as("reported while they could")
                .isEqualTo(204);
        sanctions.sanction(banned.id(), "ban", now.minusSeconds(60), null);
        sanctions.sanction(suspended.id(), "suspend", now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        sanctions.sanction(early.id(), "ban", now.minusSeconds(60), null);

        for (Participant barred : java.util.List.of(banned, suspended)) {
            var me = barred.me(article);
            assertThat(me.get("mayTakePart").asBoolean())
                    .as("no Report or Recommend buttons")
                    .isFalse();
            assertThat(me.get("editableUntil").isEmpty())
                    .as("no Edit either: the change would be refused")
                    .isTrue();
            HttpResponse<String> reported = barred.report(article, id, "abuse", "");
            assertThat(reported.statusCode()).isEqualTo(403);
            assertThat(reported.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(Participant.json(reported).get("detail").asString())
                    .as("told as when they post")
                    .isEqualTo(me.get("message").asString())
                    .containsPattern("You are (banned|suspended) from commenting");
            assertThat(barred.act(article, "/discussion/comments/" + id + "/recommend")
                            .statusCode())
                    .isEqualTo(403);
        }

        Participant second = Participant.signIn(port, accounts.create(true));
        Participant third = Participant.signIn(port, accounts.create(true));
        assertThat(second.me(article).get("mayTakePart").asBoolean()).isTrue();
        assertThat(second.report(article, id, "abuse", "").statusCode()).isEqualTo(204);
        assertThat(third.report(article, id, "abuse", "").statusCode()).isEqualTo(204);
        // Every report heard: the publications of the events about the comment are done.
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> db.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :pattern")
                                .param("pattern", "%\"commentId\":" + id + ",%")
                                .query(Long.class)
                                .single()
                        == 0);
        assertThat(thread(article))
                .as("three reports, one from a reader banned since: two count, fewer than it takes")
                .contains("The night trains are back, and full.");
        assertThat(db.sql("SELECT count(*) FROM comment_report WHERE comment_id = :id AND reporter_id IN (:ids)")
                        .param("id", id)
                        .param("ids", java.util.List.of(banned.id(), suspended.id()))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void oneReportPutsTheCommentBeforeAModeratorWhoKeepsItOrRemovesIt() {
        long id = Participant.signIn(port, known).posted(article, "The council knew about the flooding for years.");
        TestAccounts.Credentials reporterAccount = accounts.create(true);
        Participant reporter = Participant.signIn(port, reporterAccount);
        WebSession moderator = new WebSession(port);
        TestAccounts.signInWithBothFactors(moderator, accounts.create(true, Role.MODERATOR));

        assertThat(reporter.report(article, id, "abuse", "Second time this week")
                        .statusCode())
                .isEqualTo(204);

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> moderator.get("/moderation?queue=reported").body(),
                        page -> page.contains("The council knew about the flooding for years."));
        String queue = moderator.get("/moderation?queue=reported").body();
        assertThat(queue)
                .as("who reported it and why, while readers still see it")
                .contains("Reported by 1 reader</strong><span>, still in the conversation</span>")
                .contains("<span>Abusive, hateful or threatening</span>: “<span>Second time this week</span>”")
                .contains(reporterAccount.displayName())
                .contains("/moderation/comments/" + id + "/keep");
        assertThat(thread(article)).contains("The council knew about the flooding for years.");

        HttpResponse<String> kept = moderator.post("/moderation/comments/" + id + "/keep", Map.of("queue", "reported"));
        assertThat(kept.statusCode()).isEqualTo(302);
        assertThat(moderator
                        .get(kept.headers().firstValue("Location").orElseThrow())
                        .body())
                .contains("Kept: the comment stays in the conversation, and its reports are closed.")
                .doesNotContain("The council knew about the flooding for years.");
        assertThat(thread(article)).contains("The council knew about the flooding for years.");
        assertThat(moderator
                        .post("/moderation/comments/" + id + "/keep", Map.of("queue", "reported"))
                        .statusCode())
                .as("a second keep, as by another moderator, changes nothing")
                .isEqualTo(302);
        assertThat(db.sql("SELECT action FROM moderation_decision WHERE comment_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("keep");

        Participant another = Participant.signIn(port, accounts.create(true));
        assertThat(another.report(article, id, "spam", "").statusCode()).isEqualTo(204);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> moderator.get("/moderation?queue=reported").body(),
                        page -> page.contains("Reported by 2 readers"));
        HttpResponse<String> rejected = moderator.post(
                "/moderation/comments/" + id + "/reject", Map.of("queue", "reported", "reason", "abuse"));
        assertThat(rejected.statusCode()).isEqualTo(302);
        assertThat(thread(article)).doesNotContain("The council knew about the flooding for years.");
        assertThat(moderator.get("/moderation?queue=reported").body())
                .doesNotContain("The council knew about the flooding for years.");
    }

    private String thread(long article) {
        return new Http(port).get("/discussion/" + article + "/thread").body();
    }
}
