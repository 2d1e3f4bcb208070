package org.masthead.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.masthead.accounts.TestAccounts.Credentials;
import org.masthead.discussion.CommentPicked;
import org.masthead.discussion.CommentPosted;
import org.masthead.discussion.TestDiscussion;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Readers follow the conversation under an article, by commenting or by choice, and can stop. */
@MastheadTest
class ConversationFollowsTest {

    private static final Pattern CSRF =
            Pattern.compile("\"csrf\":\\{\"header\":\"([^\"]+)\",\"token\":\"([^\"]+)\"\\}");

    /** A notification as a test looks at it. */
    record Row(long id, String kind, long commentId, long actorId, int actorCount, String mail) {}

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestDiscussion discussion;

    @Autowired
    TestContent content;

    @Autowired
    MailBatches batches;

    @Autowired
    EmailPreferences preferences;

    @Autowired
    JdbcClient db;

    @Autowired
    ConversationNews news;

    @Autowired
    ConversationFollows follows;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    NotificationRepository repository;

    @Test
    void commentersHearOfOthersCommentsOnceGatheredAndNeverOfTheirOwnOrOfRepliesTwice() throws Exception {
        Credentials alice = accounts.create(true);
        Credentials bob = accounts.create(true);
        Credentials carol = accounts.create(true);
        long article = TestDiscussion.article();

        CommentPosted aliceFirst = handled(discussion.comment(article, alice.id()));
        handled(discussion.comment(article, bob.id()));
        CommentPosted carolReply = handled(discussion.reply(aliceFirst, carol.id()));
        CommentPosted carolAgain = handled(discussion.comment(article, carol.id()));
        handled(discussion.comment(article, alice.id()));

        // Alice: one gathered notification of bob's and carol's comments, and carol's reply as a reply only.
        assertThat(notifications(alice))
                .extracting(Row::kind, Row::commentId, Row::actorCount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("conversation", carolAgain.commentId(), 2),
                        org.assertj.core.groups.Tuple.tuple("reply", carolReply.commentId(), 1));
        // Bob: carol's two comments and alice's second, in one.
        assertThat(notifications(bob))
                .extracting(Row::kind, Row::actorCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("conversation", 2));
        assertThat(notifications(carol))
                .extracting(Row::kind, Row::actorId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("conversation", alice.id()));
        // The same comment handled again tells nobody again.
        handled(carolAgain);
        assertThat(rowOf(alice, "conversation").actorCount()).isEqualTo(2);
        assertThat(rowOf(alice, "conversation").mail()).isEqualTo("batch");
        assertThat(signedIn(alice).get("/notifications").body())
                .contains(carol.displayName() + " and 1 other commented on “Headline of article " + article
                        + "”, a conversation you follow")
                .contains("Stop following this conversation");

        // One mail gathers it, with a link that stops following without signing in.
        makeBatchDue(alice);
        assertThat(batches.sendDue()).isEqualTo(1);
        MimeMessage mail = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(
                        () -> TestMailServer.messagesTo(alice.email()).stream()
                                .filter(m -> subjectOf(m).endsWith("a conversation you follow"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(TestMailServer.linkIn(mail, "/comment/")).isEqualTo("/comment/" + carolAgain.commentId());
        String stop = TestMailServer.linkIn(mail, "/notifications/conversations/unfollow?token=");
        WebSession visitor = new WebSession(port);
        assertThat(visitor.get(stop).body()).contains("Stop following this conversation");
        assertThat(notifications(alice)).hasSize(2);
        HttpResponse<String> stopped =
                visitor.postRaw("/notifications/conversations/unfollow", Map.of("token", TestMailServer.tokenOf(stop)));
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(stopped.body()).contains("You no longer follow this conversation");

        handled(discussion.comment(article, bob.id()));
        assertThat(notifications(alice)).hasSize(2);
        assertThat(rowOf(alice, "conversation").actorCount()).isEqualTo(2);
        assertThat(rowOf(carol, "conversation").actorCount()).isEqualTo(2);
    }

    @Test
    void aConversationNotificationCountsAHundredCommentersAndThenSaysThereAreMore() {
        Credentials alice = accounts.create(true);
        long article = TestDiscussion.article();

        gather(alice, article, 1, 60);
        assertThat(rowOf(alice, "conversation").actorCount()).isEqualTo(60);
        // Some of these commented in the first round already: 121 in all, counted to the hundred.
        gather(alice, article, 41, 120);
        assertThat(rowOf(alice, "conversation").actorCount()).isEqualTo(NotificationRepository.COUNTED_COMMENTERS);
        gather(alice, article, 121, 130);
        assertThat(rowOf(alice, "conversation").actorCount()).isEqualTo(NotificationRepository.COUNTED_COMMENTERS);

        assertThat(signedIn(alice).get("/notifications").body())
                .contains(" and 99+ others commented on “Headline of article " + article
                        + "”, a conversation you follow");
    }

    /** One round of news for the reader: comments by the commenters numbered from {@code first} to {@code last}. */
    private void gather(Credentials reader, long article, int first, int last) {
        Credentials latest = accounts.create(true);
        java.util.Set<Long> commenters = new java.util.HashSet<>();
        for (int n = first; n < last; n++) {
            commenters.add(-n - 1_000_000L);
        }
        commenters.add(latest.id());
        transactions.executeWithoutResult(status -> repository.gatherConversation(
                article,
                "Headline of article " + article,
                List.of(new NotificationRepository.Gathered(reader.id(), last, latest.id(), "Hello", commenters)),
                Map.of(),
                Instant.now()));
    }

    @Test
    void aReaderIsNotToldOfWhatWasSaidBeforeTheyFollowed() {
        Credentials alice = accounts.create(true);
        Credentials bob = accounts.create(true);
        Credentials carol = accounts.create(true);
        long article = TestDiscussion.article();
        CommentPosted aliceFirst = discussion.comment(article, alice.id());
        // Alice's comment still waits for its round when Bob starts following, as when he replies to it at once.
        transactions.executeWithoutResult(status -> {
            news.on(aliceFirst);
            follows.follow(bob.id(), article, Instant.now().plusMillis(1));
        });
        discussion.awaitHandled(aliceFirst.commentId());

        CommentPosted carolAfter = handled(discussion.comment(article, carol.id()));

        assertThat(notifications(bob))
                .as("Carol's comment, posted after Bob followed, and not Alice's")
                .extracting(Row::kind, Row::commentId, Row::actorCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("conversation", carolAfter.commentId(), 1));
    }

    @Test
    void everyFollowerIsToldOfANewCommentWithTheMailTheyChose() {
        long article = TestDiscussion.article();
        Credentials instant = accounts.create(true);
        Credentials digest = accounts.create(true);
        Credentials off = accounts.create(true);
        Credentials unconfirmed = accounts.create(false);
        preferences.choose(digest.id(), EmailChoice.DIGEST);
        preferences.choose(off.id(), EmailChoice.OFF);
        for (Credentials follower : List.of(instant, digest, off, unconfirmed)) {
            handled(discussion.comment(article, follower.id()));
        }

        CommentPosted news =
                handled(discussion.comment(article, accounts.create(true).id()));

        Map<Credentials, String> mailOf = Map.of(instant, "batch", digest, "digest", off, "none", unconfirmed, "none");
        mailOf.forEach((follower, mail) -> {
            Row row = rowOf(follower, "conversation");
            assertThat(row.commentId()).as("latest comment told").isEqualTo(news.commentId());
            assertThat(row.mail()).as("mail of " + mail).isEqualTo(mail);
        });
        assertThat(db.sql("SELECT account_id FROM notification_batch WHERE account_id IN (:ids)")
                        .param("ids", List.of(instant.id(), digest.id(), off.id(), unconfirmed.id()))
                        .query(Long.class)
                        .list())
                .as("only the reader who wants mail at once waits for a batch mail")
                .containsExactly(instant.id());
        // The last of them heard of the new comment only: one comment, one actor.
        assertThat(rowOf(unconfirmed, "conversation").actorCount()).isEqualTo(1);
    }

    @Test
    void commentsPostedTogetherReachEachFollowerAsOneNotificationOfTheLatestCountingEachCommenterOnce() {
        long article = TestDiscussion.article();
        Credentials follower = accounts.create(true);
        handled(discussion.comment(article, follower.id()));
        Credentials bob = accounts.create(true);
        Credentials carol = accounts.create(true);

        // Posted faster than the rounds go: whichever rounds tell them, the follower sees the same.
        List<CommentPosted> posted = List.of(
                discussion.publish(discussion.comment(article, bob.id())),
                discussion.publish(discussion.comment(article, carol.id())),
                discussion.publish(discussion.comment(article, bob.id())),
                discussion.publish(discussion.comment(article, carol.id())),
                discussion.publish(discussion.comment(article, bob.id())));
        posted.forEach(comment -> discussion.awaitHandled(comment.commentId()));

        assertThat(notifications(follower)).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo("conversation");
            assertThat(row.commentId()).isEqualTo(posted.getLast().commentId());
            assertThat(row.actorId()).isEqualTo(bob.id());
            assertThat(row.actorCount()).isEqualTo(2);
        });
        assertThat(signedIn(follower).get("/notifications").body())
                .contains(bob.displayName() + " and 1 other commented on “Headline of article " + article + "”");
    }

    @Test
    void aDeletedAccountsCommentsAreNotKeptForTheirConversations() {
        long article = TestDiscussion.article();
        handled(discussion.comment(article, accounts.create(true).id()));
        Credentials leaving = accounts.create(true);
        handled(discussion.comment(article, leaving.id()));
        assertThat(newsBy(leaving)).isEqualTo(1);

        discussion.publish(new org.masthead.accounts.AccountDeleted(leaving.id()));

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(newsBy(leaving)).isZero());
    }

    private long newsBy(Credentials author) {
        return db.sql("SELECT count(*) FROM conversation_news WHERE author_id = :author")
                .param("author", author.id())
                .query(Long.class)
                .single();
    }

    @Test
    void aReaderStopsFollowingFromTheNotificationAndNobodyElseCan() {
        Credentials alice = accounts.create(true);
        long article = TestDiscussion.article();
        handled(discussion.comment(article, alice.id()));
        handled(discussion.comment(article, accounts.create(true).id()));
        long notification = rowOf(alice, "conversation").id();
        WebSession other = signedIn(accounts.create(true));
        other.get("/account/notifications");
        assertThat(other.post("/notifications/" + notification + "/unfollow", Map.of())
                        .statusCode())
                .isEqualTo(404);

        WebSession reader = signedIn(alice);
        reader.get("/notifications");
        HttpResponse<String> stopped = reader.post("/notifications/" + notification + "/unfollow", Map.of());
        assertThat(stopped.statusCode()).isEqualTo(303);
        assertThat(reader.get("/notifications").body())
                .contains("You no longer follow the conversation on “Headline of article " + article + "”")
                .containsPattern("<a href=\"/[^\"]+\">Follow it again under the article</a>")
                .doesNotContain("Stop following this conversation");

        handled(discussion.comment(article, accounts.create(true).id()));
        assertThat(rowOf(alice, "conversation").actorCount()).isEqualTo(1);
        assertThat(new WebSession(port)
                        .postRaw(
                                "/notifications/conversations/unfollow",
                                Map.of("token", alice.id() + "." + article + ".forged"))
                        .body())
                .contains("That link does not work");
    }

    @Test
    void readersFollowByTheToggleAndCommentingNeedNotFollowIfTheySaySo() {
        long article = content.article(content.section("Conversations")).published();
        Credentials reader = accounts.create(true);
        WebSession session = signedIn(reader);
        session.get("/account/notifications");
        assertThat(session.get("/account/notifications").body()).contains("value=\"FOLLOW\" checked");
        assertThat(session.post("/account/notifications", Map.of("email", "INSTANT", "conversations", "MANUAL"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(session.get("/account/notifications").body()).contains("value=\"MANUAL\" checked");

        handled(discussion.comment(article, reader.id()));
        assertThat(session.get("/notifications/conversations/" + article).body())
                .contains("\"signedIn\":true,\"following\":false");
        handled(discussion.comment(article, accounts.create(true).id()));
        assertThat(notifications(reader)).isEmpty();

        assertThat(change(session, "POST", article).body()).isEqualTo("{\"following\":true}");
        assertThat(session.get("/account/export").body())
                .as("a followed conversation in the data export says under which article, by its headline")
                .contains("\"followedConversations\"")
                .contains("\"articleId\" : " + article + ",\n")
                .containsPattern("\"headline\" : \"[^\"]+\"");
        handled(discussion.comment(article, accounts.create(true).id()));
        assertThat(notifications(reader)).extracting(Row::kind).containsExactly("conversation");
        assertThat(change(session, "DELETE", article).body()).isEqualTo("{\"following\":false}");
        assertThat(session.get("/notifications/conversations/" + article).body())
                .contains("\"following\":false");

        assertThat(new WebSession(port)
                        .get("/notifications/conversations/" + article)
                        .body())
                .isEqualTo("{\"signedIn\":false,\"following\":false}");
        assertThat(change(session, "POST", TestDiscussion.article()).statusCode())
                .isEqualTo(404);
        assertThat(session.post("/account/notifications", Map.of("email", "INSTANT", "conversations", "SOMETIMES"))
                        .body())
                .contains("Choose whether commenting follows a conversation.");
    }

    private HttpResponse<String> change(WebSession session, String method, long article) {
        Matcher csrf = CSRF.matcher(
                session.get("/notifications/conversations/" + article).body());
        assertThat(csrf.find()).as("the state hands out a CSRF token").isTrue();
        String[] headers = {csrf.group(1), csrf.group(2), "Accept", "application/json"};
        return method.equals("POST")
                ? session.postBody("/notifications/conversations/" + article, "application/json", new byte[0], headers)
                : session.delete("/notifications/conversations/" + article, headers);
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void followersHearOfAStaffPickInTheConversationOnceAndItsAuthorAsTheirOwnPick() {
        Credentials alice = accounts.create(true);
        Credentials bob = accounts.create(true);
        long article = content.article(content.section("Picks"))
                .headline("A conversation worth picking from")
                .published();
        handled(discussion.comment(article, alice.id()));
        CommentPosted bobs = handled(discussion.comment(article, bob.id()));

        CommentPicked pick = new CommentPicked(bobs.commentId(), article, bob.id(), java.time.Instant.now());
        discussion.publish(pick);
        discussion.awaitHandled(bobs.commentId());
        discussion.publish(pick);
        discussion.awaitHandled(bobs.commentId());

        assertThat(notifications(alice))
                .filteredOn(row -> row.kind().equals("conversation_pick"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.commentId()).isEqualTo(bobs.commentId());
                    assertThat(row.mail()).isEqualTo("batch");
                });
        assertThat(notifications(bob)).extracting(Row::kind).contains("picked").doesNotContain("conversation_pick");
        assertThat(signedIn(alice).get("/notifications").body())
                .contains("Staff picked a comment by " + bob.displayName()
                        + " on “A conversation worth picking from”, a conversation you follow");
    }

    private void makeBatchDue(Credentials reader) {
        db.sql("UPDATE notification_batch SET due_at = now() - interval '1 minute' WHERE account_id = :id")
                .param("id", reader.id())
                .update();
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

    private Row rowOf(Credentials recipient, String kind) {
        return notifications(recipient).stream()
                .filter(row -> row.kind().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    /** The reader's notifications, newest first. */
    private List<Row> notifications(Credentials recipient) {
        return db.sql(
                        """
                        SELECT id, kind, comment_id, actor_id, actor_count, mail
                        FROM notification WHERE recipient_id = :recipient ORDER BY updated_at DESC, id DESC""")
                .param("recipient", recipient.id())
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getLong("comment_id"),
                        rs.getLong("actor_id"),
                        rs.getInt("actor_count"),
                        rs.getString("mail")))
                .list();
    }
}
