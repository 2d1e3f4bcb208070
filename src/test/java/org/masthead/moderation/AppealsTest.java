package org.masthead.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.discussion.Participant.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
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
 * A reader told why a moderator decided against them appeals once, and a moderator other than the one
 * who decided upholds or overturns it; the reader is told the outcome.
 */
@MastheadTest
@TestPropertySource(properties = "masthead.moderation.held-first-comments=3")
class AppealsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    JdbcClient db;

    long article;
    TestAccounts.Credentials author;
    Participant reader;

    @BeforeEach
    void setUp() {
        article = content.article(content.section("Appealed")).published();
        author = accounts.create(true);
        reader = Participant.signIn(port, author);
    }

    private WebSession moderator() {
        WebSession web = new WebSession(port);
        TestAccounts.signInWithBothFactors(web, accounts.create(true, Role.MODERATOR));
        return web;
    }

    private static String flash(WebSession web, HttpResponse<String> decided) {
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(302);
        return web.get(decided.headers().firstValue("Location").orElseThrow()).body();
    }

    private static long idOf(String page, String about) {
        Matcher matcher = Pattern.compile("id=\"" + about + "-(\\d+)\"").matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static long appealIdOf(String page) {
        Matcher matcher = Pattern.compile("/moderation/appeals/(\\d+)/decide").matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private int appeals() {
        return db.sql("SELECT count(*) FROM moderation_appeal WHERE account_id = :id")
                .param("id", reader.id())
                .query(Integer.class)
                .single();
    }

    @Test
    void aRejectedCommentIsAppealedOnceAndAnotherModeratorOverturnsItBringingItBack() {
        long comment = json(reader.post(article, "Timetables are a matter of public record, surely."))
                .get("id")
                .asLong();
        WebSession decider = moderator();
        decider.get("/moderation");
        int mails = TestMailServer.messagesTo(author.email()).size();
        flash(
                decider,
                decider.post(
                        "/moderation/comments/" + comment + "/reject",
                        Map.of("reason", "off-topic", "note", "This thread is about buses")));

        String statement = TestMailServer.text(TestMailServer.awaitMessageTo(author.email(), mails));
        assertThat(statement)
                .as("a new reader's comment, held when posted: nobody else ever saw it")
                .contains("A moderator decided not to publish your comment on")
                .contains("The rule: Stay on topic.")
                .as("the reason ends its sentence, however the moderator wrote it")
                .contains("Why: Off topic: This thread is about buses.")
                .contains("Timetables are a matter of public record, surely.")
                .contains("/appeals")
                .contains("A moderator other than the one who decided");
        String page = reader.web.get("/appeals").body();
        assertThat(page)
                .contains("Stay on topic")
                .contains("Off topic: This thread is about buses")
                .contains("Timetables are a matter of public record, surely.");
        long decision = idOf(page, "rejection");

        HttpResponse<String> tooLong = reader.web.post(
                "/appeals", Map.of("about", "rejection", "id", String.valueOf(decision), "text", "x".repeat(1001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Keep your appeal to 1,000 characters.");
        assertThat(appeals()).isZero();

        HttpResponse<String> appealed = reader.web.post(
                "/appeals",
                Map.of("about", "rejection", "id", String.valueOf(decision), "text", "It answers the article."));
        assertThat(flash(reader.web, appealed)).contains("Your appeal is with the moderators.");
        HttpResponse<String> again = reader.web.post(
                "/appeals", Map.of("about", "rejection", "id", String.valueOf(decision), "text", "Once more."));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("You have already appealed this decision");
        assertThat(appeals()).isEqualTo(1);

        String queue = decider.get("/moderation/appeals").body();
        assertThat(queue).containsPattern("Appeals</span> <span class=\"count\">\\(\\d+\\)");
        assertThat(queue).contains("It answers the article.");
        String theirs = queue.substring(queue.indexOf("It answers the article."));
        theirs = theirs.substring(0, theirs.indexOf("</li>"));
        assertThat(theirs)
                .as("the moderator who decided is told another decides, and offered no buttons that would be refused")
                .contains("You made this decision, so another moderator decides the appeal.")
                .doesNotContain("/decide");
        WebSession second = moderator();
        String seenBySecond = second.get("/moderation/appeals").body();
        long appeal = appealIdOf(seenBySecond.substring(seenBySecond.indexOf("It answers the article.")));
        String refused = flash(
                decider, decider.post("/moderation/appeals/" + appeal + "/decide", Map.of("outcome", "overturn")));
        assertThat(refused)
                .contains("You made the decision under appeal, so another moderator must decide the appeal.");
        assertThat(new Http(port).get("/discussion/" + article + "/thread").body())
                .doesNotContain("Timetables are a matter of public record");

        assertThat(second.get("/moderation?queue=rejected&reader=" + reader.id())
                        .body())
                .contains("Timetables are a matter of public record, surely.");
        second.get("/moderation/appeals");
        mails = TestMailServer.messagesTo(author.email()).size();
        String decided = flash(
                second,
                second.post(
                        "/moderation/appeals/" + appeal + "/decide",
                        Map.of("outcome", "overturn", "answer", "You are right, it is on topic.")));

        assertThat(decided).contains("Overturned: the decision is undone");
        assertThat(new Http(port).get("/discussion/" + article + "/thread").body())
                .contains("Timetables are a matter of public record, surely.");
        assertThat(reader.me(article).get("moderated")).isEmpty();
        assertThat(second.get("/moderation?queue=rejected&reader=" + reader.id())
                        .body())
                .as("restored on appeal, it is no longer among the rejected")
                .doesNotContain("Timetables are a matter of public record, surely.");
        assertThat(TestMailServer.text(TestMailServer.awaitMessageTo(author.email(), mails)))
                .contains("Overturned: your comment is back in the conversation.")
                .contains("You are right, it is on topic.");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> reader.web.get("/notifications").body(),
                        notifications -> notifications.contains("A moderator decided your appeal about your comment"));
        assertThat(reader.web.get("/appeals").body()).contains("Overturned: your comment is back in the conversation.");
        assertThat(db.sql("SELECT action FROM moderation_decision WHERE appeal_id = :id")
                        .param("id", appeal)
                        .query(String.class)
                        .single())
                .isEqualTo("overturn");
    }

    @Test
    void aSuspensionAppealedAndOverturnedIsLiftedAndTheReaderMayPostAgain() {
        reader.post(article, "A comment that led to a suspension.");
        WebSession decider = moderator();
        decider.get("/moderation");
        flash(
                decider,
                decider.post(
                        "/moderation/readers/" + reader.id() + "/sanctions",
                        Map.of("kind", "suspend", "rule", "civil", "reason", "Rude to others", "days", "7")));
        assertThat(reader.me(article).get("canPost").asBoolean()).isFalse();
        assertThat(reader.web.get("/appeals").body())
                .as("the end date in the site's own style")
                .containsPattern("<dt>Until</dt><dd>[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2,3} \\d{4} \\d{2}\\.\\d{2} ");
        long sanction = idOf(reader.web.get("/appeals").body(), "sanction");

        flash(
                reader.web,
                reader.web.post(
                        "/appeals",
                        Map.of("about", "sanction", "id", String.valueOf(sanction), "text", "I apologised at once.")));
        WebSession second = moderator();
        String queue = second.get("/moderation/appeals").body();
        long appeal = appealIdOf(queue.substring(queue.indexOf("I apologised at once.")));
        flash(second, second.post("/moderation/appeals/" + appeal + "/decide", Map.of("outcome", "overturn")));

        assertThat(reader.me(article).get("canPost").asBoolean()).isTrue();
        assertThat(reader.web.get("/appeals").body())
                .contains("Overturned: the sanction is lifted.")
                .as("a lifted suspension is told in the past, with no end date still to come")
                .contains("<h2>You were suspended from commenting.</h2>")
                .doesNotContain("You are suspended")
                .doesNotContain("<dt>Until</dt>");
        assertThat(decider.get("/moderation/readers/" + reader.id()).body())
                .containsPattern("Suspended until [^<]+ \\(lifted\\)");
    }

    @Test
    void aWarningAndASuspensionReachTheReadersNotificationsSayingWhatAndUntilWhen() {
        WebSession decider = moderator();
        // The reader's page holds the sanction form, and so the form's token, whatever the queues hold.
        decider.get("/moderation/readers/" + reader.id());
        flash(
                decider,
                decider.post(
                        "/moderation/readers/" + reader.id() + "/sanctions",
                        Map.of("kind", "warn", "rule", "civil", "reason", "Be kinder")));
        flash(
                decider,
                decider.post(
                        "/moderation/readers/" + reader.id() + "/sanctions",
                        Map.of("kind", "suspend", "rule", "civil", "reason", "Rude to others", "days", "7")));

        String page = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> reader.web.get("/notifications").body(),
                        notifications -> notifications.contains("You have 2 unread notifications."));
        assertThat(page)
                .contains("A moderator made a decision about you: see why, and how to appeal")
                .contains("A moderator has warned you. The rule: Be civil.")
                .containsPattern("You are suspended from commenting\\. Until [A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2,3}"
                        + " \\d{4} \\d{2}\\.\\d{2} [^.]*\\. The rule: Be civil\\.");
        Matcher open = Pattern.compile("/notifications/\\d+/open").matcher(page);
        assertThat(open.find()).isTrue();
        HttpResponse<String> opened = reader.web.post(open.group(), Map.of());
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/appeals");
    }

    @Test
    void aSanctionNoStrongerThanOneInForceIsRefusedAndAnOverturnSaysWhatStillHolds() {
        WebSession first = moderator();
        // A page with a form, which carries the token that signing in with the second factor renewed.
        first.get("/moderation/readers/" + reader.id());
        String imposed = "/moderation/readers/" + reader.id() + "/sanctions";
        flash(
                first,
                first.post(imposed, Map.of("kind", "premoderate", "rule", "civil", "reason", "Insults", "days", "2")));
        assertThat(reader.me(article).get("message").asString())
                .as("a pre-moderation with an end says when, as a suspension does")
                .containsPattern(
                        "A moderator reads your comments before they are published until [A-Z][a-z]{2} \\d{1,2} ");

        flash(
                first,
                first.post(
                        imposed,
                        Map.of("kind", "warn", "rule", "civil", "reason", "A warning keeps nobody from anything")));
        HttpResponse<String> twice =
                first.post(imposed, Map.of("kind", "premoderate", "rule", "civil", "reason", "Again"));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body())
                .contains("The reader is pre-moderated already (Be civil, since ")
                .as("the message is tied to its field")
                .contains("id=\"sanction-kind-error\"")
                .contains("aria-describedby=\"sanction-kind-error\"");
        flash(first, first.post(imposed, Map.of("kind", "suspend", "rule", "civil", "reason", "Rude", "days", "1")));
        flash(first, first.post(imposed, Map.of("kind", "ban", "rule", "civil", "reason", "Personal attacks")));
        HttpResponse<String> again =
                first.post(imposed, Map.of("kind", "ban", "rule", "civil", "reason", "Banned again by mistake."));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("The reader is banned already").contains("withdraw the ban first");
        assertThat(db.sql("SELECT count(*) FROM moderation_sanction WHERE account_id = :id")
                        .param("id", reader.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);

        long suspension = db.sql("SELECT id FROM moderation_sanction WHERE account_id = :id AND kind = 'suspend'")
                .param("id", reader.id())
                .query(Long.class)
                .single();
        assertThat(reader.web.get("/appeals").body()).contains("id=\"sanction-" + suspension + "\"");
        flash(
                reader.web,
                reader.web.post(
                        "/appeals",
                        Map.of("about", "sanction", "id", String.valueOf(suspension), "text", "One day was unfair.")));
        WebSession second = moderator();
        String queue = second.get("/moderation/appeals").body();
        String theirs = queue.substring(queue.indexOf("id=\"appeal-"), queue.indexOf("One day was unfair."));
        theirs = theirs.substring(theirs.lastIndexOf("id=\"appeal-"));
        assertThat(theirs)
                .as("every sanction in force beside the appeal")
                .contains("In force on this reader now (overturning one leaves the others):")
                .contains("Banned (in force)")
                .containsPattern("Pre-moderated until [^<]+ \\(in force\\)");
        long appeal = appealIdOf(queue.substring(queue.indexOf("One day was unfair.")));
        flash(second, second.post("/moderation/appeals/" + appeal + "/decide", Map.of("outcome", "overturn")));

        // The mails of the sanctions may still be on their way: the one about the appeal is the one to read.
        String told = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> TestMailServer.messagesTo(author.email()).stream()
                                .map(TestMailServer::text)
                                .filter(text -> text.contains("Overturned"))
                                .findFirst()
                                .orElse(""),
                        text -> !text.isEmpty());
        assertThat(told)
                .as("never told the sanction is lifted while a ban still holds")
                .contains("Overturned: this sanction is lifted, but another still keeps you from commenting."
                        + " You are banned from commenting (Be civil): Personal attacks.")
                .doesNotContain("Overturned: the sanction is lifted.");
        assertThat(reader.me(article).get("canPost").asBoolean()).isFalse();
    }

    @Test
    void aModeratorWithdrawsAMistakenSanctionSayingWhyAndTheReaderIsTold() {
        WebSession moderator = moderator();
        moderator.get("/moderation/readers/" + reader.id());
        flash(
                moderator,
                moderator.post(
                        "/moderation/readers/" + reader.id() + "/sanctions",
                        Map.of("kind", "ban", "rule", "civil", "reason", "Meant for another reader")));
        long ban = db.sql("SELECT id FROM moderation_sanction WHERE account_id = :id")
                .param("id", reader.id())
                .query(Long.class)
                .single();
        String page = moderator.get("/moderation/readers/" + reader.id()).body();
        String withdraw = "/moderation/readers/" + reader.id() + "/sanctions/" + ban + "/withdraw";
        assertThat(page).contains("In force now").contains(withdraw);

        HttpResponse<String> unexplained = moderator.post(withdraw, Map.of("reason", " "));
        assertThat(unexplained.statusCode()).isEqualTo(400);
        assertThat(unexplained.body())
                .contains("Say why the sanction is withdrawn.")
                .contains("aria-describedby=\"withdraw-reason-" + ban + "-error\"");
        assertThat(reader.me(article).get("canPost").asBoolean()).isFalse();

        assertThat(flash(moderator, moderator.post(withdraw, Map.of("reason", "Imposed on the wrong reader."))))
                .contains("Sanction withdrawn. The reader has been told: “Withdrawn: the sanction is lifted.”");

        assertThat(reader.me(article).get("canPost").asBoolean()).isTrue();
        assertThat(Awaitility.await()
                        .atMost(Duration.ofSeconds(10))
                        .until(
                                () -> TestMailServer.messagesTo(author.email()).stream()
                                        .map(TestMailServer::text)
                                        .filter(text -> text.contains("withdrawn"))
                                        .findFirst()
                                        .orElse(""),
                                text -> !text.isEmpty()))
                .contains("A moderator has withdrawn this decision: You were banned from commenting.")
                .contains("Why: Imposed on the wrong reader.")
                .contains("Withdrawn: the sanction is lifted.");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> reader.web.get("/notifications").body(),
                        notifications -> notifications.contains("A moderator withdrew a sanction on you"));
        assertThat(db.sql("SELECT note FROM moderation_decision WHERE sanction_id = :id AND action = 'withdraw'")
                        .param("id", ban)
                        .query(String.class)
                        .single())
                .isEqualTo("Imposed on the wrong reader.");
        assertThat(moderator.post(withdraw, Map.of("reason", "Twice.")).statusCode())
                .as("a sanction that no longer holds")
                .isEqualTo(409);
        assertThat(moderator.get("/moderation/readers/" + reader.id()).body()).contains("No sanction holds now.");
    }

    @Test
    void aTextWithLineBreaksIsCountedAsTheBrowserCountedIt() {
        WebSession moderator = moderator();
        moderator.get("/moderation/readers/" + reader.id());
        flash(
                moderator,
                moderator.post(
                        "/moderation/readers/" + reader.id() + "/sanctions",
                        Map.of("kind", "suspend", "rule", "civil", "reason", "Rude", "days", "1")));
        long sanction = idOf(reader.web.get("/appeals").body(), "sanction");
        // 995 characters in 13 lines, as a textarea counts them; the browser sends each break as CR LF.
        String lines = String.join("\r\n", java.util.Collections.nCopies(13, "x".repeat(75))) + "x".repeat(8);
        assertThat(lines.replace("\r\n", "\n")).hasSize(995);

        flash(
                reader.web,
                reader.web.post(
                        "/appeals", Map.of("about", "sanction", "id", String.valueOf(sanction), "text", lines)));
        assertThat(db.sql("SELECT text FROM moderation_appeal WHERE sanction_id = :id")
                        .param("id", sanction)
                        .query(String.class)
                        .single())
                .as("kept with a line feed for each break")
                .hasSize(995)
                .doesNotContain("\r");
        flash(moderator, moderator.post("/moderation/readers/" + reader.id() + "/notes", Map.of("text", lines)));
    }

    @Test
    void nobodySanctionsThemselvesOrAnAdminNorDecidesTheirOwnAppeal() {
        TestAccounts.Credentials firstAccount = accounts.create(true, Role.MODERATOR);
        WebSession first = new WebSession(port);
        TestAccounts.signInWithBothFactors(first, firstAccount);
        WebSession second = moderator();
        long admin = accounts.create(true, Role.ADMIN).id();
        Map<String, String> suspension = Map.of("kind", "suspend", "rule", "civil", "reason", "Rude", "days", "7");

        first.get("/moderation");
        assertThat(first.get("/moderation/readers/" + firstAccount.id()).body())
                .contains("Nobody sanctions themselves: another moderator can.")
                .doesNotContain("/moderation/readers/" + firstAccount.id() + "/sanctions");
        assertThat(first.post("/moderation/readers/" + firstAccount.id() + "/sanctions", suspension)
                        .statusCode())
                .isEqualTo(403);
        assertThat(first.get("/moderation/readers/" + admin).body()).contains("Admins are not sanctioned");
        assertThat(first.post("/moderation/readers/" + admin + "/sanctions", suspension)
                        .statusCode())
                .isEqualTo(403);
        assertThat(db.sql("SELECT count(*) FROM moderation_sanction WHERE account_id IN (:ids)")
                        .param("ids", List.of(firstAccount.id(), admin))
                        .query(Integer.class)
                        .single())
                .isZero();

        second.get("/moderation");
        flash(second, second.post("/moderation/readers/" + firstAccount.id() + "/sanctions", suspension));
        long sanction = idOf(first.get("/appeals").body(), "sanction");
        flash(
                first,
                first.post(
                        "/appeals",
                        Map.of("about", "sanction", "id", String.valueOf(sanction), "text", "I was provoked.")));
        String queue = first.get("/moderation/appeals").body();
        String own = queue.substring(queue.indexOf("I was provoked."));
        assertThat(own).contains("This is your own appeal, so another moderator or an admin decides it.");
        long appeal = db.sql("SELECT id FROM moderation_appeal WHERE account_id = :id")
                .param("id", firstAccount.id())
                .query(Long.class)
                .single();
        assertThat(flash(first, first.post("/moderation/appeals/" + appeal + "/decide", Map.of("outcome", "overturn"))))
                .contains("Nobody decides their own appeal: another moderator or an admin will.");
        assertThat(db.sql("SELECT decided_at IS NULL FROM moderation_appeal WHERE id = :id")
                        .param("id", appeal)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void anAppealUpheldLeavesTheDecisionAndTheReaderIsTold() {
        long comment = json(reader.post(article, "Everyone here is wrong about trams."))
                .get("id")
                .asLong();
        WebSession decider = moderator();
        decider.get("/moderation");
        flash(decider, decider.post("/moderation/comments/" + comment + "/reject", Map.of("reason", "abuse")));
        long decision = idOf(reader.web.get("/appeals").body(), "rejection");
        flash(
                reader.web,
                reader.web.post(
                        "/appeals",
                        Map.of("about", "rejection", "id", String.valueOf(decision), "text", "Trams are my life.")));
        WebSession second = moderator();
        String queue = second.get("/moderation/appeals").body();
        long appeal = appealIdOf(queue.substring(queue.indexOf("Trams are my life.")));

        flash(second, second.post("/moderation/appeals/" + appeal + "/decide", Map.of("outcome", "uphold")));

        assertThat(reader.me(article).get("moderated").get(0).get("status").asString())
                .isEqualTo("rejected");
        assertThat(reader.web.get("/appeals").body())
                .contains("Upheld: the decision stands.")
                .doesNotContain("name=\"text\"");
    }
}
