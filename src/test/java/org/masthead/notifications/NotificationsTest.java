package org.masthead.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.masthead.WritingTransaction;
import org.masthead.accounts.TestAccounts;
import org.masthead.accounts.TestAccounts.Credentials;
import org.masthead.discussion.CommentPosted;
import org.masthead.discussion.Discussion;
import org.masthead.discussion.TestDiscussion;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What readers are told when others reply to them, mention them, comment or recommend. */
@MastheadTest
class NotificationsTest {

    /** A notification as a test looks at it. */
    record Row(long id, String kind, long commentId, long actorId, int actorCount, boolean unread, String mail) {}

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestDiscussion discussion;

    @Autowired
    JdbcClient db;

    @Autowired
    Discussion comments;

    @Autowired
    TestContent content;

    @Test
    void aReplyNotifiesTheAuthorAndMailsThemWithAOneClickUnsubscribe() throws Exception {
        Credentials alice = accounts.create(true);
        Credentials bob = accounts.create(true);
        CommentPosted comment = discussion.publish(discussion.comment(TestDiscussion.article(), alice.id()));

        CommentPosted reply = discussion.publish(discussion.reply(comment, bob.id()));

        Row row = awaitOne(alice, "reply");
        assertThat(row.commentId()).isEqualTo(reply.commentId());
        assertThat(row.actorId()).isEqualTo(bob.id());
        assertThat(row.mail()).isEqualTo("sent");
        MimeMessage mail = TestMailServer.awaitMessageTo(alice.email());
        assertThat(mail.getSubject()).isEqualTo(bob.displayName() + " replied to your comment");
        assertThat(TestMailServer.text(mail))
                .contains(reply.excerpt())
                .contains("http://localhost:8080/comment/" + reply.commentId());
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).startsWith("<http://localhost:8080/notifications/unsubscribe?token=");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(TestMailServer.linkIn(mail, "/notifications/unsubscribe?token="))
                .isEqualTo(unsubscribe.substring("<http://localhost:8080".length(), unsubscribe.length() - 1));

        // The mail program's one-click unsubscribe: a bare POST, no session, no CSRF token.
        String token = TestMailServer.tokenOf(unsubscribe.substring(0, unsubscribe.length() - 1));
        HttpResponse<String> oneClick =
                new WebSession(port).postRaw("/notifications/unsubscribe", Map.of("token", token));
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("You will get no more notification e-mails");

        CommentPosted another = discussion.publish(discussion.reply(comment, bob.id()));
        discussion.awaitHandled(another.commentId());
        assertThat(notifications(alice)).hasSize(2);
        assertThat(notifications(alice).getFirst().mail()).isEqualTo("none");
        assertThat(TestMailServer.messagesTo(alice.email())).hasSize(1);
    }

    /**
     * A comment is told to its readers if and only if it was committed, crash or not: the transaction that
     * posts it records it for them, and a round tells them. Its author follows the conversation in that
     * transaction too, so the page they reload straight after posting says so.
     */
    @Test
    void aReplyIsRecordedForItsReadersByTheTransactionThatPostsItAndThenTold() {
        Credentials alice = accounts.create(true);
        Credentials bob = accounts.create(true);
        long article = content.article(content.section("Told")).published();
        long question = comments.post(alice.id(), article, "Who agrees?", null);

        long reply = comments.post(bob.id(), article, "I do", question);

        String comment = WritingTransaction.of(db, "comment", "id = :id", Map.of("id", reply));
        assertThat(WritingTransaction.of(db, "conversation_news", "comment_id = :id", Map.of("id", reply)))
                .as("recorded for its readers by the transaction that posts it")
                .isEqualTo(comment);
        assertThat(WritingTransaction.of(
                        db,
                        "conversation_follow",
                        "reader_id = :reader AND article_id = :article",
                        Map.of("reader", bob.id(), "article", article)))
                .as("Bob follows by the transaction that posts his reply")
                .isEqualTo(comment);
        assertThat(awaitOne(alice, "reply").commentId()).isEqualTo(reply);
    }

    @Test
    void openingTheUnsubscribeLinkAsksForAClickAndAMadeUpOneChangesNothing() {
        Credentials alice = accounts.create(true);
        WebSession visitor = new WebSession(port);

        assertThat(visitor.get("/notifications/unsubscribe?token=" + alice.id() + ".made-up")
                        .body())
                .contains("That link does not work");
        HttpResponse<String> forged =
                visitor.postRaw("/notifications/unsubscribe", Map.of("token", alice.id() + ".made-up"));
        assertThat(forged.body()).contains("That link does not work");
    }

    @Test
    void aMentionNotifiesAndMailsTheReaderMentioned() throws Exception {
        Credentials alice = accounts.create(true);
        Credentials bob = accounts.create(true);

        CommentPosted comment =
                discussion.publish(discussion.mentioning(TestDiscussion.article(), bob.id(), alice.id()));

        Row row = awaitOne(alice, "mention");
        assertThat(row.commentId()).isEqualTo(comment.commentId());
        MimeMessage mail = TestMailServer.awaitMessageTo(alice.email());
        assertThat(mail.getSubject()).isEqualTo(bob.displayName() + " mentioned you in a comment");
        assertThat(TestMailServer.text(mail)).contains("/comment/" + comment.commentId());
    }

    @Test
    void aReaderMentionedInAReplyToThemIsToldOnceAsAReply() {
        Credentials alice = accounts.create(true);
        Credentials bob = accounts.create(true);
        CommentPosted comment = discussion.publish(discussion.comment(TestDiscussion.article(), alice.id()));

        CommentPosted reply = discussion.publish(discussion.reply(comment, bob.id(), alice.id()));
        discussion.awaitHandled(reply.commentId());

        assertThat(notifications(alice)).extracting(Row::kind).containsExactly("reply");
    }

    @Test
    void aReaderWhoMutedAnotherIsNotToldOfTheirRepliesOrMentions() {
        Credentials alice = accounts.create(true);
        Credentials bob = accounts.create(true);
        db.sql("INSERT INTO moderation_mute (reader_id, muted_id, muted_at) VALUES (:reader, :muted, now())")
                .param("reader", alice.id())
                .param("muted", bob.id())
                .update();
        CommentPosted comment = discussion.publish(discussion.comment(TestDiscussion.article(), alice.id()));

        CommentPosted reply = discussion.publish(discussion.reply(comment, bob.id()));
        CommentPosted mention =
                discussion.publish(discussion.mentioning(TestDiscussion.article(), bob.id(), alice.id()));
        discussion.awaitHandled(reply.commentId());
        discussion.awaitHandled(mention.commentId());

        assertThat(notifications(alice)).isEmpty();
        assertThat(TestMailServer.messagesTo(alice.email())).isEmpty();
    }

    @Test
    void aReaderWhoFollowedAndThenMutedAnotherIsNotToldTheyCommented() {
        Credentials alice = accounts.create(true);
        Credentials bob = accounts.create(true);
        discussion.follow(alice.id(), bob.id());
        db.sql("INSERT INTO moderation_mute (reader_id, muted_id, muted_at) VALUES (:reader, :muted, now())")
                .param("reader", alice.id())
                .param("muted", bob.id())
                .update();

        CommentPosted comment = discussion.publish(discussion.comment(TestDiscussion.article(), bob.id()));
        discussion.awaitHandled(comment.commentId());

        assertThat(notifications(alice)).isEmpty();
    }

    @Test
    void replyingToYourselfTellsNobody() {
        Credentials alice = accounts.create(true);
        CommentPosted comment = discussion.publish(discussion.comment(TestDiscussion.article(), alice.id()));

        CommentPosted reply = discussion.publish(discussion.reply(comment, alice.id()));
        discussion.awaitHandled(reply.commentId());

        assertThat(notifications(alice)).isEmpty();
        assertThat(TestMailServer.messagesTo(alice.email())).isEmpty();
    }

    @Test
    void commentsByReadersYouFollowGatherInOneNotificationPerArticleWhileUnread() {
        Credentials carol = accounts.create(true);
        Credentials alice = accounts.create(true);
        Credentials dave = accounts.create(true);
        Credentials erin = accounts.create(true);
        discussion.follow(carol.id(), alice.id());
        discussion.follow(carol.id(), dave.id());
        discussion.follow(carol.id(), erin.id());
        long article = TestDiscussion.article();

        handled(discussion.comment(article, alice.id()));
        handled(discussion.comment(article, dave.id()));
        handled(discussion.comment(article, erin.id()));
        CommentPosted latest = handled(discussion.comment(article, erin.id()));

        List<Row> rows = notifications(carol);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().kind()).isEqualTo("followed_posted");
        assertThat(rows.getFirst().actorCount()).isEqualTo(3);
        assertThat(rows.getFirst().actorId()).isEqualTo(erin.id());
        assertThat(rows.getFirst().commentId()).isEqualTo(latest.commentId());
        assertThat(rows.getFirst().mail()).isEqualTo("none");
        WebSession reader = signedIn(carol);
        assertThat(reader.get("/notifications").body())
                .contains(erin.displayName() + " and 2 others you follow commented on “Headline of article " + article
                        + "”");

        open(reader, rows.getFirst().id());
        handled(discussion.comment(article, alice.id()));

        assertThat(notifications(carol)).hasSize(2);
        assertThat(notifications(carol).getFirst().actorCount()).isEqualTo(1);
        assertThat(reader.get("/notifications").body())
                .contains(alice.displayName() + ", whom you follow, commented on");
        assertThat(TestMailServer.messagesTo(carol.email())).isEmpty();
    }

    @Test
    void recommendationsOfACommentGatherInOneNotification() {
        Credentials sam = accounts.create(true);
        Credentials author = accounts.create(true);
        CommentPosted comment = handled(discussion.comment(TestDiscussion.article(), author.id()));

        discussion.publish(
                discussion.recommendation(comment, accounts.create(true).id()));
        discussion.publish(
                discussion.recommendation(comment, accounts.create(true).id()));
        discussion.publish(
                discussion.recommendation(comment, accounts.create(true).id()));
        discussion.publish(
                discussion.recommendation(comment, accounts.create(true).id()));
        discussion.publish(discussion.recommendation(comment, sam.id()));
        discussion.awaitHandled(comment.commentId());

        List<Row> rows = notifications(author);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().kind()).isEqualTo("recommended");
        assertThat(rows.getFirst().actorCount()).isEqualTo(5);
        assertThat(signedIn(author).get("/notifications").body()).contains(" and 4 others recommended your comment on");
    }

    @Test
    void recommendingYourOwnCommentTellsNobody() {
        Credentials author = accounts.create(true);
        CommentPosted comment = handled(discussion.comment(TestDiscussion.article(), author.id()));

        discussion.publish(discussion.recommendation(comment, author.id()));
        discussion.awaitHandled(comment.commentId());

        assertThat(notifications(author)).isEmpty();
    }

    @Test
    void theSameEventHandledTwiceNotifiesAndMailsOnce() {
        Credentials alice = accounts.create(true);
        Credentials bob = accounts.create(true);
        Credentials follower = accounts.create(true);
        discussion.follow(follower.id(), bob.id());
        CommentPosted comment = handled(discussion.comment(TestDiscussion.article(), alice.id()));
        CommentPosted reply = discussion.reply(comment, bob.id());

        // As after a restart, or with two nodes handling one publication each.
        handled(reply);
        handled(reply);
        var recommendation = discussion.recommendation(comment, bob.id());
        // One at a time: the registry tells two identical publications pending at once apart by neither.
        discussion.publish(recommendation);
        discussion.awaitHandled(comment.commentId());
        discussion.publish(recommendation);
        discussion.awaitHandled(comment.commentId());

        assertThat(notifications(alice))
                .extracting(Row::kind, Row::actorCount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("reply", 1),
                        org.assertj.core.groups.Tuple.tuple("recommended", 1));
        assertThat(notifications(follower)).extracting(Row::actorCount).containsExactly(1);
        TestMailServer.awaitMessageTo(alice.email());
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> TestMailServer.messagesTo(alice.email()).size() == 1);
    }

    @Test
    void readersWhoTurnedMailOffAreNotifiedButNotMailed() {
        Credentials alice = accounts.create(true);
        Credentials bob = accounts.create(true);
        WebSession reader = signedIn(alice);
        assertThat(reader.get("/account/notifications").body()).contains("value=\"INSTANT\" checked");
        HttpResponse<String> saved = reader.post("/account/notifications", Map.of("email", "OFF"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(reader.get("/account/notifications").body())
                .contains("value=\"OFF\" checked")
                .contains("We will not e-mail you about your notifications.");
        CommentPosted comment = handled(discussion.comment(TestDiscussion.article(), alice.id()));

        handled(discussion.reply(comment, bob.id()));
        handled(discussion.mentioning(comment.articleId(), bob.id(), alice.id()));

        assertThat(notifications(alice)).extracting(Row::mail).containsExactly("none", "none");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> TestMailServer.messagesTo(alice.email()).isEmpty());
    }

    @Test
    void aChoiceThatIsNotAnOptionIsRefusedWithAMessage() {
        WebSession reader = signedIn(accounts.create(true));
        reader.get("/account/notifications");

        HttpResponse<String> response = reader.post("/account/notifications", Map.of("email", "HOURLY"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Choose one of the options.");
    }

    @Test
    void unconfirmedAddressesAreNotMailed() {
        Credentials unconfirmed = accounts.create(false);
        CommentPosted comment = handled(discussion.comment(TestDiscussion.article(), unconfirmed.id()));

        handled(discussion.reply(comment, accounts.create(true).id()));

        assertThat(notifications(unconfirmed)).extracting(Row::mail).containsExactly("none");
    }

    @Test
    void openingANotificationMarksItReadAndLandsOnTheComment() {
        Credentials alice = accounts.create(true);
        Credentials bob = accounts.create(true);
        CommentPosted comment = handled(discussion.comment(TestDiscussion.article(), alice.id()));
        CommentPosted first = handled(discussion.reply(comment, bob.id()));
        CommentPosted second = handled(discussion.reply(comment, bob.id()));
        WebSession reader = signedIn(alice);

        String page = reader.get("/notifications").body();
        assertThat(page).contains("You have 2 unread notifications.");
        assertThat(page.indexOf(second.excerpt())).isLessThan(page.indexOf(first.excerpt()));

        HttpResponse<String> opened = open(reader, idOf(alice, first.commentId()));
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/comment/" + first.commentId());
        assertThat(reader.get("/notifications").body()).contains("You have 1 unread notification.");

        HttpResponse<String> allRead = reader.post("/notifications/read", Map.of());
        assertThat(allRead.statusCode()).isEqualTo(303);
        assertThat(reader.get("/notifications").body()).doesNotContain("unread notification");
        assertThat(notifications(alice)).noneMatch(Row::unread);
    }

    @Test
    void aReaderCannotOpenSomeoneElsesNotification() {
        Credentials alice = accounts.create(true);
        CommentPosted comment = handled(discussion.comment(TestDiscussion.article(), alice.id()));
        CommentPosted reply =
                handled(discussion.reply(comment, accounts.create(true).id()));
        WebSession other = signedIn(accounts.create(true));
        other.get("/account/notifications");

        HttpResponse<String> response =
                other.post("/notifications/" + idOf(alice, reply.commentId()) + "/open", Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(notifications(alice)).allMatch(Row::unread);
    }

    @Test
    void theListIsPagedNewestFirst() {
        Credentials alice = accounts.create(true);
        CommentPosted comment = handled(discussion.comment(TestDiscussion.article(), alice.id()));
        Credentials bob = accounts.create(true);
        for (int i = 0; i < 23; i++) {
            discussion.publish(discussion.reply(comment, bob.id()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(alice).size() == 23);
        WebSession reader = signedIn(alice);

        String first = reader.get("/notifications").body();
        Matcher older =
                Pattern.compile("href=\"(/notifications\\?after=[^\"]+)\"").matcher(first);
        assertThat(older.find()).isTrue();
        String second = reader.get(older.group(1).replace("&amp;", "&")).body();

        assertThat(countOf(first, "notification__open")).isEqualTo(20);
        assertThat(countOf(second, "notification__open")).isEqualTo(3);
        assertThat(reader.get("/notifications?after=nonsense").statusCode()).isEqualTo(404);
    }

    @Test
    void aReadersNotificationsAndEmailChoiceAreInTheirDataExport() {
        Credentials alice = accounts.create(true);
        CommentPosted comment = handled(discussion.comment(TestDiscussion.article(), alice.id()));
        CommentPosted reply =
                handled(discussion.reply(comment, accounts.create(true).id()));

        String export = signedIn(alice).get("/account/export").body();

        assertThat(export)
                .contains("\"notifications\"")
                .contains("\"emailChoice\" : \"instant\"")
                .contains("\"commentId\" : " + reply.commentId());
    }

    private static int countOf(String page, String text) {
        return page.split(Pattern.quote("class=\"" + text + "\""), -1).length - 1;
    }

    private CommentPosted handled(CommentPosted comment) {
        discussion.publish(comment);
        discussion.awaitHandled(comment.commentId());
        return comment;
    }

    private WebSession signedIn(Credentials account) {
        WebSession session = new WebSession(port);
        TestAccounts.signIn(session, account);
        return session;
    }

    private HttpResponse<String> open(WebSession reader, long notificationId) {
        reader.get("/notifications");
        return reader.post("/notifications/" + notificationId + "/open", Map.of());
    }

    private long idOf(Credentials recipient, long commentId) {
        return notifications(recipient).stream()
                .filter(row -> row.commentId() == commentId)
                .findFirst()
                .orElseThrow()
                .id();
    }

    private Row awaitOne(Credentials recipient, String kind) {
        await().atMost(Duration.ofSeconds(15)).until(() -> notifications(recipient).stream()
                .anyMatch(row -> row.kind().equals(kind)));
        return notifications(recipient).stream()
                .filter(row -> row.kind().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    /** The reader's notifications, newest first. */
    private List<Row> notifications(Credentials recipient) {
        return db.sql(
                        """
                        SELECT id, kind, comment_id, actor_id, actor_count, read_at IS NULL AS unread, mail
                        FROM notification WHERE recipient_id = :recipient ORDER BY updated_at DESC, id DESC""")
                .param("recipient", recipient.id())
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getLong("comment_id"),
                        rs.getLong("actor_id"),
                        rs.getInt("actor_count"),
                        rs.getBoolean("unread"),
                        rs.getString("mail")))
                .list();
    }
}
