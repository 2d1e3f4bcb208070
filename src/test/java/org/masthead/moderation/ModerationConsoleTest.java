package org.masthead.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.discussion.Participant.json;

import java.net.http.HttpResponse;
import java.util.Map;
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

/** Moderators at /moderation: the queues, approving and rejecting, and two moderators on one comment. */
@MastheadTest
@TestPropertySource(properties = "masthead.moderation.held-first-comments=3")
class ModerationConsoleTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    JdbcClient db;

    @Autowired
    com.zaxxer.hikari.HikariDataSource dataSource;

    @Autowired
    Moderation moderation;

    Http http;
    long article;
    TestAccounts.Credentials newcomerAccount;
    Participant newcomer;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        article = content.article(content.section("Moderated")).published();
        newcomerAccount = accounts.create(true);
        newcomer = Participant.signIn(port, newcomerAccount);
    }

    private WebSession moderator() {
        WebSession web = new WebSession(port);
        TestAccounts.signInWithBothFactors(web, accounts.create(true, Role.MODERATOR));
        return web;
    }

    private String thread() {
        return http.get("/discussion/" + article + "/thread").body();
    }

    private long held(String text) {
        HttpResponse<String> posted = newcomer.post(article, text);
        assertThat(json(posted).get("held").asBoolean()).isTrue();
        return json(posted).get("id").asLong();
    }

    private static String flash(WebSession web, HttpResponse<String> decided) {
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(302);
        return web.get(decided.headers().firstValue("Location").orElseThrow()).body();
    }

    @Test
    void aHeldCommentIsInTheQueueWithWhyItWasHeldAndApprovingItPublishesIt() {
        long id = held("Trains should run all night.");
        WebSession moderator = moderator();

        String queue = moderator.get("/moderation").body();

        assertThat(queue).contains("Trains should run all night.");
        assertThat(queue)
                .as("the reason in words, then the check that held it")
                .containsPattern(
                        "Why: <span>One of the first 3 comments of a new reader</span>\\s*<span>\\(the new-reader check\\)");
        assertThat(queue).containsPattern("Held for review</span>\\s*<span class=\"count\">\\(\\d+\\)");
        assertThat(queue)
                .as("its tick box says whose comment it chooses")
                .contains("<label for=\"pick-" + id + "\">Choose<span class=\"visually-hidden\"> the comment by "
                        + newcomerAccount.displayName() + ", ");

        String after = flash(moderator, moderator.post("/moderation/comments/" + id + "/approve", Map.of()));

        assertThat(after).contains("Approved: the comment is published.");
        assertThat(thread()).contains("Trains should run all night.");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(
                        () -> newcomer.web.get("/notifications").body(),
                        page -> page.contains("A moderator approved your comment on"));
        assertThat(http.get("/community-standards").body())
                .contains("<h1>Community standards</h1>")
                .contains("<span>3</span>");
        assertThat(db.sql("SELECT action FROM moderation_decision WHERE comment_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("approve");
    }

    @Test
    void aRejectedCommentsAuthorSeesTheReasonAndTheNote() {
        long id = held("Buy my course at example.org");
        WebSession moderator = moderator();
        moderator.get("/moderation");

        String after = flash(
                moderator,
                moderator.post(
                        "/moderation/comments/" + id + "/reject",
                        Map.of("reason", "spam", "note", "No adverts, please")));

        assertThat(after).contains("Rejected: the comment is out of the conversation");
        var own = newcomer.me(article).get("moderated").get(0);
        assertThat(own.get("status").asString()).isEqualTo("rejected");
        assertThat(own.get("reason").asString()).isEqualTo("Spam or advertising: No adverts, please");
        assertThat(moderator.get("/moderation?queue=rejected").body()).contains("Buy my course");
    }

    @Test
    void aHeldCommentRejectedIsStatedAsNotPublishedNotAsRemoved() {
        long id = held("Nobody but me ever read this.");
        WebSession moderator = moderator();
        moderator.get("/moderation");
        int mails =
                org.masthead.TestMailServer.messagesTo(newcomerAccount.email()).size();

        flash(moderator, moderator.post("/moderation/comments/" + id + "/reject", Map.of("reason", "off-topic")));

        assertThat(org.masthead.TestMailServer.text(
                        org.masthead.TestMailServer.awaitMessageTo(newcomerAccount.email(), mails)))
                .contains("A moderator decided not to publish your comment on")
                .doesNotContain("removed your comment")
                .doesNotContain("nobody else sees it now");
        assertThat(newcomer.web.get("/appeals").body())
                .contains("A moderator decided not to publish your comment on")
                .doesNotContain("nobody else sees it now");
    }

    @Test
    void aHeldReplyToACommentNoLongerPublishedIsNotOfferedForApprovalAndBulkApprovalSaysWhy() {
        Participant trusted = Participant.signIn(port, accounts.create(true));
        moderation.trust(trusted.id(), null);
        long answered = json(trusted.post(article, "Anyone going to the quiz night?"))
                .get("id")
                .asLong();
        long reply = json(newcomer.reply(article, answered, "Yes, see you there."))
                .get("id")
                .asLong();
        long other = held("A first comment of my own.");
        WebSession moderator = moderator();
        moderator.get("/moderation");
        flash(moderator, moderator.post("/moderation/comments/" + answered + "/reject", Map.of("reason", "other")));

        String queue = moderator.get("/moderation").body();
        String item = queue.substring(queue.indexOf("id=\"moderated-" + reply + "\""));
        item = item.substring(0, item.indexOf("</li>", item.indexOf("moderation-item__actions")));
        assertThat(item)
                .contains("The comment it replies to is no longer published, so this")
                .doesNotContain("/moderation/comments/" + reply + "/approve")
                .contains("/moderation/comments/" + reply + "/reject");

        String after = flash(
                moderator,
                moderator.postRaw(
                        "/moderation/bulk?action=approve&ids=" + reply + "&ids=" + other,
                        Map.of("_csrf", csrfOf(moderator))));
        assertThat(after)
                .contains("Approved 1 comment. 1 not approved: The comment it replies to is no longer published,"
                        + " so this reply cannot be published either.")
                .doesNotContain("another moderator");
    }

    @Test
    void twoModeratorsNeverBothDecideTheSameCommentAndTheSecondIsToldWhy() {
        long id = held("A comment two moderators look at.");
        WebSession first = moderator();
        WebSession second = moderator();
        first.get("/moderation");
        second.get("/moderation");

        flash(first, first.post("/moderation/comments/" + id + "/reject", Map.of("reason", "off-topic")));
        String secondSees = flash(second, second.post("/moderation/comments/" + id + "/approve", Map.of()));

        assertThat(secondSees).contains("Another moderator has already decided on this comment.");
        assertThat(thread()).doesNotContain("A comment two moderators look at.");
        assertThat(db.sql("SELECT count(*) FROM moderation_decision WHERE comment_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRejectionWithoutAReasonFromTheListIsRefusedAndChangesNothing() {
        long id = held("No reason given.");
        WebSession moderator = moderator();
        moderator.get("/moderation");

        HttpResponse<String> refused =
                moderator.post("/moderation/comments/" + id + "/reject", Map.of("reason", "bored"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .as("back on the queue, with what to put right")
                .contains("Nothing was decided. Choose the reason the comment is rejected for.")
                .contains("No reason given.");
        assertThat(newcomer.me(article).get("moderated").get(0).get("status").asString())
                .isEqualTo("pending");
    }

    @Test
    void aWordBannedInTheConsoleIsRefusedOnEveryNodeAtOnce() {
        // Signed in before the second node starts: its mail sender shares the outbox, and would take the
        // sign-in link to a mailbox of its own.
        WebSession moderator = moderator();
        Participant onB;
        try (var nodeB = org.masthead.SecondNode.start(dataSource)) {
            int portB = org.masthead.SecondNode.port(nodeB);
            onB = Participant.signIn(portB, accounts.create(true));
            assertThat(onB.post(article, "What a snollygoster.").statusCode()).isEqualTo(201);
            moderator.get("/moderation/words");

            String after = flash(
                    moderator, moderator.post("/moderation/words", Map.of("list", "banned", "word", "Snollygoster")));

            assertThat(after).contains("Added “Snollygoster” to the banned words.");
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> onB.post(article, "Another SN0LLYG0STER " + System.nanoTime())
                                    .statusCode()
                            == 400);
            assertThat(json(onB.post(article, "You snollygoster!"))
                            .get("errors")
                            .get("body")
                            .asString())
                    .as("the word as the reader wrote it")
                    .contains("“snollygoster”");

            moderator.get("/moderation/words");
            String removed = flash(
                    moderator,
                    moderator.post("/moderation/words/remove", Map.of("list", "banned", "skeleton", "snoiygoster")));
            assertThat(removed).contains("Removed it from the banned words.");
            assertThat(flash(
                            moderator,
                            moderator.post(
                                    "/moderation/words/remove", Map.of("list", "banned", "skeleton", "snoiygoster"))))
                    .as("a second removal, from a page left open, says nothing was there")
                    .contains("That word is not on the banned words: nothing was removed.");
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> onB.post(article, "Snollygoster again " + System.nanoTime())
                                    .statusCode()
                            == 201);
        }
    }

    @Test
    void aSuspendedReaderIsToldInTheAppAndByMailAndTheirNextCommentIsRefusedWithTheEndDate() {
        TestAccounts.Credentials account = accounts.create(true);
        Participant reader = Participant.signIn(port, account);
        WebSession moderator = moderator();
        moderator.get("/moderation");
        int mails = org.masthead.TestMailServer.messagesTo(account.email()).size();

        String after = flash(
                moderator,
                moderator.post(
                        "/moderation/readers/" + reader.id() + "/sanctions",
                        Map.of(
                                "kind",
                                "suspend",
                                "rule",
                                "civil",
                                "reason",
                                "Called another reader names",
                                "days",
                                "7")));

        assertThat(after).contains("Sanction imposed");
        var me = reader.me(article);
        assertThat(me.get("canPost").asBoolean()).isFalse();
        assertThat(me.get("reason").asString()).isEqualTo("sanctioned");
        assertThat(me.get("message").asString())
                .startsWith("You are suspended from commenting until ")
                .endsWith("(Be civil): Called another reader names");
        HttpResponse<String> refused = reader.post(article, "Let me speak.");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("errors").get("body").asString())
                .startsWith("You are suspended from commenting until ");
        var mail = org.masthead.TestMailServer.awaitMessageTo(account.email(), mails);
        assertThat(org.masthead.TestMailServer.text(mail))
                .contains("You are suspended from commenting.")
                .contains("The rule: Be civil.")
                .contains("/community-standards#civil");
    }

    @Test
    void aSanctionWithAnOverLongReasonOrDaysOutOfRangeIsRefusedWithAFieldErrorAndImposesNothing() {
        Participant reader = Participant.signIn(port, accounts.create(true));
        WebSession moderator = moderator();
        // The page's forms carry the CSRF token that signing in with the second factor renewed. (Posted
        // after an empty queue, which has no form, the token from before sign-in was refused with 403.)
        assertThat(moderator.get("/moderation/readers/" + reader.id()).body()).contains("Sanction this reader");
        Map<Map<String, String>, String> refusals = Map.of(
                Map.of("kind", "warn", "rule", "civil", "reason", "x".repeat(1001)),
                "Keep the reason to 1,000 characters.",
                // Typed into the number field: too large for any number type, not a number, out of range.
                Map.of("kind", "suspend", "rule", "civil", "reason", "Rude", "days", "99999999999999999999"),
                "Say for how many days, from 1 to 365.",
                Map.of("kind", "suspend", "rule", "civil", "reason", "Rude", "days", "a week"),
                "Say for how many days, from 1 to 365.",
                Map.of("kind", "suspend", "rule", "civil", "reason", "Rude", "days", "366"),
                "Say for how many days, from 1 to 365.");

        refusals.forEach((form, message) -> {
            HttpResponse<String> refused = moderator.post("/moderation/readers/" + reader.id() + "/sanctions", form);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("The sanction was not imposed").contains(message);
        });
        assertThat(db.sql("SELECT count(*) FROM moderation_sanction WHERE account_id = :id")
                        .param("id", reader.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(reader.me(article).get("message").isNull()).isTrue();
    }

    @Test
    void aModeratorsNoteOnAReaderShowsBesideTheirCommentsInTheConsoleAndNeverToTheReader() {
        held("Somebody should keep notes about me.");
        WebSession moderator = moderator();
        moderator.get("/moderation/readers/" + newcomer.id());

        String after = flash(
                moderator,
                moderator.post(
                        "/moderation/readers/" + newcomer.id() + "/notes",
                        Map.of("text", "Warned informally about tone")));

        assertThat(after).contains("Note kept").contains("Warned informally about tone");
        assertThat(moderator.get("/moderation").body())
                .contains("Somebody should keep notes about me.")
                .contains("Warned informally about tone");
        HttpResponse<String> empty =
                moderator.post("/moderation/readers/" + newcomer.id() + "/notes", Map.of("text", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Write the note first.");
        assertThat(newcomer.web.get("/moderation/readers/" + newcomer.id()).statusCode())
                .isEqualTo(403);
        assertThat(newcomer.web.get("/appeals").body()).doesNotContain("Warned informally about tone");
    }

    @Test
    void eachHeldCommentShowsTheDecisionsOnItsAuthorAndTheSanctionInForce() {
        long first = held("Buy my course at example.org");
        WebSession moderator = moderator();
        moderator.get("/moderation");
        flash(moderator, moderator.post("/moderation/comments/" + first + "/reject", Map.of("reason", "spam")));
        flash(
                moderator,
                moderator.post(
                        "/moderation/readers/" + newcomer.id() + "/sanctions",
                        Map.of("kind", "premoderate", "rule", "spam", "reason", "Advertised a course", "days", "7")));

        long second = held("Read this before you buy anything.");
        String queue = moderator.get("/moderation").body();

        String item = queue.substring(queue.indexOf("id=\"moderated-" + second + "\""));
        item = item.substring(0, item.indexOf("</li>\n  </ol>") > 0 ? item.indexOf("</li>\n  </ol>") : item.length());
        assertThat(item)
                .as("the sanction that holds now, with its end, rule and reason")
                .containsPattern("<strong>Pre-moderated until [^<]+ \\(in force\\)</strong>:\\s*<span>No spam</span>, "
                        + "<span>Advertised a course</span>");
        assertThat(item.indexOf("Also: "))
                .as("the rules' other notes belong with Why, before the author's sanctions")
                .isPositive()
                .isLessThan(item.indexOf("moderation-item__standing"));
        assertThat(item)
                .as("every decision on the author, the rejection included")
                .contains("Decisions on " + newcomerAccount.displayName() + " (2)")
                .as("it was held when posted, so it was never removed from anyone's view")
                .contains("Comment not published on “");
        assertThat(moderator.get("/moderation/readers/" + newcomer.id()).body())
                .as("moderators read the decisions as moderators, not as the reader is told them")
                .containsPattern("Pre-moderated until [^<]+ \\(in force\\)")
                .doesNotContain("A moderator will read each of your comments");
    }

    @Test
    void severalHeldCommentsAreApprovedAtOnceAndOneAlreadyDecidedIsCountedNotFailed() {
        long first = held("Bulk one: buses.");
        long second = held("Bulk two: trams.");
        long third = held("Bulk three: ferries.");
        WebSession other = moderator();
        other.get("/moderation");
        flash(other, other.post("/moderation/comments/" + third + "/reject", Map.of("reason", "off-topic")));
        WebSession moderator = moderator();
        moderator.get("/moderation");
        HttpResponse<String> noneTicked =
                moderator.post("/moderation/bulk", Map.of("action", "reject", "reason", "spam"));
        assertThat(noneTicked.statusCode()).isEqualTo(400);
        assertThat(noneTicked.body())
                .as("the moderator stays on the queue, told what to do")
                .contains("Nothing was decided. Tick the comments to reject first.")
                .contains("Bulk one: buses.");

        HttpResponse<String> decided = moderator.postRaw(
                "/moderation/bulk?action=approve&ids=" + first + "&ids=" + second + "&ids=" + third + "&ids=999999999",
                Map.of("_csrf", csrfOf(moderator)));
        String after = flash(moderator, decided);

        assertThat(after)
                .contains("Approved 2 comments; 1 had already been decided by another moderator; 1 was not found.");
        HttpResponse<String> tooMany = moderator.postRaw(
                "/moderation/bulk?action=approve" + "&ids=1".repeat(51), Map.of("_csrf", csrfOf(moderator)));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("Decide at most 50 comments at once");
        assertThat(thread())
                .contains("Bulk one: buses.")
                .contains("Bulk two: trams.")
                .doesNotContain("ferries");
    }

    @Test
    void aDecisionLeadsBackToTheFilterTheModeratorWasInAtTheNextComment() {
        long first = held("Filtered one: canals.");
        long second = held("Filtered two: locks.");
        long third = held("Filtered three: towpaths.");
        WebSession moderator = moderator();
        String filtered = moderator
                .get("/moderation?queue=held&reader=" + newcomer.id() + "&step=new-reader")
                .body();
        assertThat(filtered).contains("name=\"back\" value=\"reader=" + newcomer.id() + "&amp;step=new-reader\"");

        HttpResponse<String> approved = moderator.post(
                "/moderation/comments/" + first + "/approve",
                Map.of("queue", "held", "back", "reader=" + newcomer.id() + "&step=new-reader", "next", "" + second));

        assertThat(approved.headers().firstValue("Location").orElseThrow())
                .endsWith("/moderation?queue=held&reader=" + newcomer.id() + "&step=new-reader#moderated-" + second);
        HttpResponse<String> forged = moderator.post(
                "/moderation/comments/" + second + "/approve",
                Map.of("back", "reader=//evil.example&step=nothing&x=1", "next", "" + third));
        assertThat(forged.headers().firstValue("Location").orElseThrow())
                .as("nothing but a filter reaches the address")
                .endsWith("/moderation?queue=held#moderated-" + third);

        HttpResponse<String> unexplained = moderator.postRaw(
                "/moderation/bulk?action=reject&back=reader%3D" + newcomer.id() + "&ids=" + third,
                Map.of("_csrf", csrfOf(moderator)));
        assertThat(unexplained.statusCode()).isEqualTo(400);
        assertThat(unexplained.body())
                .as("the ticks stay, and the missing reason is said beside the reason")
                .containsPattern("value=\"" + third + "\" id=\"pick-" + third + "\" checked")
                .contains("id=\"bulk-reason-error\" class=\"field__error\">Choose why they are rejected.</p>")
                .contains("aria-describedby=\"bulk-reason-error\"")
                .contains("Showing only the comments");
    }

    @Test
    void aWordRefusedIsToldBesideTheFormOfItsListAndAWarningByItsDate() {
        WebSession moderator = moderator();
        moderator.get("/moderation/words");
        HttpResponse<String> single = moderator.post("/moderation/words", Map.of("list", "banned", "word", "xxx"));
        assertThat(single.statusCode()).isEqualTo(400);
        assertThat(single.body())
                .as("repeated letters count as one, so it would refuse “Malcolm X”")
                .contains("reads as a single letter");
        assertThat(newcomer.post(article, "Malcolm X spoke here once.").statusCode())
                .isEqualTo(201);
        HttpResponse<String> refused = moderator.post("/moderation/words", Map.of("list", "suspect", "word", "!!!"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"word-suspect-error\"")
                .contains("aria-describedby=\"word-suspect-error\"")
                .doesNotContain("aria-describedby=\"word-banned-error\"");

        moderator.get("/moderation/readers/" + newcomer.id());
        flash(
                moderator,
                moderator.post(
                        "/moderation/readers/" + newcomer.id() + "/sanctions",
                        Map.of("kind", "warn", "rule", "civil", "reason", "Sharp words")));
        assertThat(moderator.get("/moderation/readers/" + newcomer.id()).body())
                .as("a warning is something said, on a day, not a state in force")
                .containsPattern("Warned on [A-Z][a-z]{2} \\d{1,2} ")
                .doesNotContain("Warned (in force)");
    }

    private static String csrfOf(WebSession web) {
        var matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(web.get("/moderation").body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @Test
    void aModeratorNarrowsAQueueToOneArticleOneReaderOneCheckOrOneReason() {
        long mine = held("Held on the first article.");
        long otherArticle = content.article(content.section("Moderated")).published();
        TestAccounts.Credentials trustedAccount = accounts.create(true);
        Participant trusted = Participant.signIn(port, trustedAccount);
        moderation.trust(trustedAccount.id(), null);
        long linky = json(trusted.post(
                        otherArticle, "See https://a.example/1, https://b.example/2 and https://c.example/3 for more."))
                .get("id")
                .asLong();
        WebSession moderator = moderator();

        String byArticle = moderator.get("/moderation?article=" + otherArticle).body();
        assertThat(byArticle)
                .contains("See https://a.example/1")
                .doesNotContain("Held on the first article.")
                .contains("Showing only the comments");
        String byReader =
                moderator.get("/moderation?reader=" + newcomerAccount.id()).body();
        assertThat(byReader).contains("Held on the first article.").doesNotContain("See https://a.example/1");
        assertThat(byReader)
                .as("the sentence ends where the name does, with no space before the full stop")
                .contains("Showing only the comments by <span>" + newcomerAccount.displayName() + "</span>.");
        assertThat(moderator.get("/moderation?step=links").body())
                .contains("See https://a.example/1")
                .doesNotContain("Held on the first article.")
                .contains("Showing only the comments held by <span>too many links</span>.");
        assertThat(moderator.get("/moderation?step=new-reader").body())
                .contains("Held on the first article.")
                .doesNotContain("See https://a.example/1");
        held("A newcomer's links: https://d.example/1 https://d.example/2 https://d.example/3");
        assertThat(moderator.get("/moderation?step=links").body())
                .as("held first as a new reader's, and found under every rule that would have held it")
                .contains("A newcomer&#39;s links")
                .contains("Also: 3 links, more than 2 (the links check)");

        moderator.post("/moderation/comments/" + mine + "/reject", Map.of("reason", "spam"));
        moderator.post("/moderation/comments/" + linky + "/reject", Map.of("reason", "off-topic"));
        assertThat(moderator.get("/moderation?queue=rejected&reason=spam").body())
                .contains("Held on the first article.")
                .doesNotContain("See https://a.example/1");

        assertThat(moderator.get("/moderation?step=everything").statusCode()).isEqualTo(400);
        assertThat(moderator.get("/moderation?queue=rejected&reason=rude").statusCode())
                .isEqualTo(400);
        assertThat(moderator.get("/moderation?article=first").statusCode()).isEqualTo(400);
        assertThat(moderator.get("/moderation?reader=999999999").statusCode())
                .as("a reader who never existed, not 'a former reader'")
                .isEqualTo(404);
    }
}
