package org.masthead.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.WritingTransaction;
import org.masthead.accounts.TestAccounts;
import org.masthead.accounts.TestAccounts.Credentials;
import org.masthead.discussion.CommentPosted;
import org.masthead.discussion.Discussion;
import org.masthead.discussion.TestDiscussion;
import org.masthead.newsroom.TestContent;
import org.masthead.notifications.internal.LiveEvent;
import org.masthead.notifications.internal.LiveEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Open pages hear of new comments under their article, and readers of their unread count, as it happens. */
@MastheadTest
class LiveUpdatesTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    // What Tomcat logs when a request's handling fails, even after its response has been sent.
    static final String SERVLET_FAILED = "Servlet.service() for servlet [dispatcherServlet]";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestDiscussion discussion;

    @Autowired
    JdbcClient db;

    @Autowired
    LiveEvents live;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Discussion comments;

    @Autowired
    TestContent content;

    @Test
    void aPageOnAnArticleHearsWhenACommentThereIsEditedAndWhenItIsDeleted() {
        long article = content.article(content.section("Live")).published();
        long author = accounts.create(true).id();
        long id = comments.post(author, article, "First thoughts", null);
        try (SseClient page = new SseClient(port, "/live?article=" + article)) {
            discussion.edit(author, id, "Second thoughts");
            SseClient.Event edited = page.next("comment-changed", WAIT);
            discussion.delete(author, id);
            SseClient.Event deleted = page.next("comment-changed", WAIT);

            String data = "{\"commentId\":" + id + ",\"articleId\":" + article + "}";
            assertThat(edited.data()).isEqualTo(data);
            assertThat(deleted.data()).isEqualTo(data);
            assertThat(Long.parseLong(deleted.id())).isGreaterThan(Long.parseLong(edited.id()));
        }
    }

    @Test
    void aPageOnAnArticleHearsOfEachNewCommentOnce() {
        long article = TestDiscussion.article();
        try (SseClient page = new SseClient(port, "/live?article=" + article)) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/event-stream");

            CommentPosted comment = discussion.publish(
                    discussion.comment(article, accounts.create(true).id()));
            discussion.awaitHandled(comment.commentId());
            // The same event handled again (after a restart, say) is not pushed again.
            discussion.publish(comment);
            CommentPosted reply = discussion.publish(
                    discussion.reply(comment, accounts.create(true).id()));
            discussion.publish(discussion.comment(
                    TestDiscussion.article(), accounts.create(true).id()));

            SseClient.Event first = page.next("comment", WAIT);
            SseClient.Event second = page.next("comment", WAIT);
            assertThat(List.of(first.data(), second.data()))
                    .containsExactlyInAnyOrder(
                            "{\"commentId\":" + comment.commentId() + ",\"articleId\":" + article
                                    + ",\"parentId\":null}",
                            "{\"commentId\":" + reply.commentId() + ",\"articleId\":" + article + ",\"parentId\":"
                                    + comment.commentId() + "}");
            assertThat(Long.parseLong(second.id())).isGreaterThan(Long.parseLong(first.id()));
            discussion.awaitHandled(comment.commentId());
            assertThat(page.drain(Duration.ofSeconds(1)))
                    .noneMatch(event -> event.name().equals("comment"));
        }
    }

    /**
     * Pages hear of a comment when it is committed, not once the event publication registry has handed it
     * to a listener: its live event is written by the very transaction that posts it.
     */
    @Test
    void aNewCommentsLiveEventCommitsWithTheComment() {
        long article = content.article(content.section("Live")).published();
        long id = comments.post(accounts.create(true).id(), article, "Heard at once", null);

        String comment = WritingTransaction.of(db, "comment", "id = :id", Map.of("id", id));
        String event = WritingTransaction.of(db, "live_event", "once_key = :key", Map.of("key", "comment-" + id));
        assertThat(event).isEqualTo(comment);
    }

    @Test
    void aPageThatReconnectsIsSentExactlyWhatItMissed() {
        reconnectGetsWhatWasMissed(
                (article, seenId) -> new SseClient(port, "/live?article=" + article, "Last-Event-ID", seenId));
    }

    /** live.js closes its stream while nothing wants it; the new one it opens asks in its address. */
    @Test
    void aPageThatOpensANewStreamAsksForWhatItMissedInTheAddress() {
        reconnectGetsWhatWasMissed(
                (article, seenId) -> new SseClient(port, "/live?article=" + article + "&lastEventId=" + seenId));
    }

    @Test
    void aPageThatSawNothingBeforeItsStreamClosedIsToldWhereToResume() {
        long article = TestDiscussion.article();
        long author = accounts.create(true).id();
        // Some event elsewhere, so that the node has heard of one.
        CommentPosted elsewhere = discussion.publish(discussion.comment(TestDiscussion.article(), author));
        discussion.awaitHandled(elsewhere.commentId());
        String resumeFrom;
        try (SseClient page = new SseClient(port, "/live?article=" + article)) {
            resumeFrom = page.next("resume", WAIT).id();
        }
        CommentPosted missed = discussion.publish(discussion.comment(article, author));
        discussion.awaitHandled(missed.commentId());

        try (SseClient page = new SseClient(port, "/live?article=" + article + "&lastEventId=" + resumeFrom)) {
            assertThat(page.next("comment", WAIT).data()).contains("\"commentId\":" + missed.commentId());
        }
    }

    private void reconnectGetsWhatWasMissed(BiFunction<Long, String, SseClient> reconnect) {
        long article = TestDiscussion.article();
        long author = accounts.create(true).id();
        String seenId;
        try (SseClient page = new SseClient(port, "/live?article=" + article)) {
            discussion.publish(discussion.comment(article, author));
            seenId = page.next("comment", WAIT).id();
        }
        CommentPosted missed1 = discussion.publish(discussion.comment(article, author));
        discussion.awaitHandled(missed1.commentId());
        CommentPosted missed2 = discussion.publish(discussion.comment(article, author));
        discussion.awaitHandled(missed2.commentId());

        try (SseClient page = reconnect.apply(article, seenId)) {
            SseClient.Event first = page.next("comment", WAIT);
            SseClient.Event second = page.next("comment", WAIT);
            assertThat(first.data()).contains("\"commentId\":" + missed1.commentId());
            assertThat(second.data()).contains("\"commentId\":" + missed2.commentId());
            CommentPosted live = discussion.publish(discussion.comment(article, author));
            assertThat(page.next("comment", WAIT).data()).contains("\"commentId\":" + live.commentId());
            assertThat(page.drain(Duration.ofMillis(500))).isEmpty();
        }
    }

    @Test
    void anEventThatCommitsAfterALaterOneThePageSawIsSentWhenThePageReconnects() throws Exception {
        String topic = LiveEvent.article(TestDiscussion.article());
        CountDownLatch published = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // The first event's transaction takes its id, then stays open while a second one publishes.
        CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            long id = live.publish(topic, "comment", "{\"commentId\":1}", "late-" + topic)
                    .orElseThrow()
                    .id();
            published.countDown();
            await(commit);
            return id;
        }));
        await(published);
        String seenId;
        try (SseClient page = new SseClient(port, "/live?article=" + topic.substring("article-".length()))) {
            transactions.executeWithoutResult(
                    status -> live.publish(topic, "comment", "{\"commentId\":2}", "early-" + topic));
            seenId = page.next("comment", WAIT).id();
        }
        commit.countDown();
        long lateId = slow.get(10, TimeUnit.SECONDS);
        assertThat(lateId).isLessThan(Long.parseLong(seenId));

        try (SseClient page =
                new SseClient(port, "/live?article=" + topic.substring("article-".length()), "Last-Event-ID", seenId)) {
            SseClient.Event missed = page.next("comment", WAIT);
            assertThat(missed.data()).isEqualTo("{\"commentId\":1}");
            assertThat(page.drain(Duration.ofMillis(500))).isEmpty();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSignedInReaderIsSentTheirUnreadCountOnConnectingAndWhenItChanges() {
        Credentials alice = accounts.create(true);
        WebSession browser = new WebSession(port);
        TestAccounts.signIn(browser, alice);
        CommentPosted comment = discussion.publish(discussion.comment(TestDiscussion.article(), alice.id()));

        try (SseClient page = new SseClient(port, "/live?ticket=" + ticket(browser))) {
            assertThat(page.next("unread", WAIT).data()).isEqualTo("{\"count\":0}");

            discussion.publish(discussion.reply(comment, accounts.create(true).id()));
            assertThat(page.next("unread", WAIT).data()).isEqualTo("{\"count\":1}");

            browser.get("/notifications");
            browser.post("/notifications/read", Map.of());
            assertThat(page.next("unread", WAIT).data()).isEqualTo("{\"count\":0}");
        }
    }

    @Test
    void onAnArticleASignedInReadersOwnEventsComeOnTheSameConnection() {
        Credentials alice = accounts.create(true);
        WebSession browser = new WebSession(port);
        TestAccounts.signIn(browser, alice);
        long article = TestDiscussion.article();

        try (SseClient page = new SseClient(port, "/live?article=" + article + "&ticket=" + ticket(browser))) {
            assertThat(page.next("unread", WAIT).data()).isEqualTo("{\"count\":0}");
            CommentPosted comment = discussion.publish(discussion.comment(article, alice.id()));
            assertThat(page.next("comment", WAIT).data()).contains("\"commentId\":" + comment.commentId());
        }
    }

    @Test
    void aLiveConnectionDoesNotKeepTheReadersSessionAlive() throws Exception {
        Credentials alice = accounts.create(true);
        WebSession browser = new WebSession(port);
        TestAccounts.signIn(browser, alice);
        String ticket = ticket(browser);
        // The session's last use is written after the response has left.
        Thread.sleep(500);
        long lastActive = lastActive(alice);

        try (SseClient page =
                new SseClient(port, "/live?ticket=" + ticket, "Cookie", "SESSION=" + browser.cookie("SESSION"))) {
            assertThat(page.next("unread", WAIT).data()).isEqualTo("{\"count\":0}");
        }

        assertThat(lastActive(alice)).isEqualTo(lastActive);
    }

    @Test
    void aTicketThatIsNotOursCarriesNoOnesEvents() {
        Credentials alice = accounts.create(true);
        Http anonymous = new Http(port);

        assertThat(anonymous
                        .get("/live?ticket=" + alice.id() + ".99999999999.forged")
                        .statusCode())
                .isEqualTo(204);
        assertThat(anonymous.get("/live/ticket").statusCode()).isEqualTo(302);
    }

    @Test
    void aTicketStopsWorkingWhenItsReaderSignsOut() {
        Credentials alice = accounts.create(true);
        WebSession browser = new WebSession(port);
        TestAccounts.signIn(browser, alice);
        String ticket = ticket(browser);

        browser.get("/account");
        browser.post("/signout", Map.of());

        try (SseClient page = new SseClient(port, "/live?ticket=" + ticket)) {
            assertThat(page.status())
                    .as("nothing of the reader's is left to follow")
                    .isEqualTo(204);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anOpenPageStopsHearingItsReadersEventsWhenTheySignOut(CapturedOutput log) {
        Credentials alice = accounts.create(true);
        WebSession browser = new WebSession(port);
        TestAccounts.signIn(browser, alice);
        String live = "/live?article=" + TestDiscussion.article() + "&ticket=" + ticket(browser);
        try (SseClient page = new SseClient(port, live)) {
            assertThat(page.next("unread", WAIT).data()).isEqualTo("{\"count\":0}");

            browser.get("/account");
            browser.post("/signout", Map.of());

            assertThat(page.ends(WAIT)).as("the connection is closed").isTrue();
        }
        assertThat(log.getAll()).as("the stream ended without an error").doesNotContain(SERVLET_FAILED);
        try (SseClient reconnected = new SseClient(port, live)) {
            assertThat(reconnected.status())
                    .as("the article's comments still come")
                    .isEqualTo(200);
            assertThat(reconnected.drain(Duration.ofSeconds(1)))
                    .noneMatch(event -> event.name().equals("unread"));
        }
    }

    @Test
    void anOpenPageStopsHearingItsReadersEventsWhenTheyAreSignedOutElsewhere() {
        Credentials alice = accounts.create(true);
        WebSession laptop = new WebSession(port);
        TestAccounts.signIn(laptop, alice);
        WebSession phone = new WebSession(port);
        TestAccounts.signIn(phone, alice);
        String ticket = ticket(laptop);
        try (SseClient page = new SseClient(port, "/live?ticket=" + ticket)) {
            assertThat(page.next("unread", WAIT).data()).isEqualTo("{\"count\":0}");

            phone.submit(
                    "/account/password",
                    "/account/password",
                    Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword", "another long passphrase"));

            assertThat(page.ends(WAIT)).as("the laptop's connection is closed").isTrue();
        }
        try (SseClient reconnected = new SseClient(port, "/live?ticket=" + ticket)) {
            assertThat(reconnected.status()).isEqualTo(204);
        }
    }

    @Test
    void aTicketStopsWorkingWhenItsSessionExpires() {
        Credentials alice = accounts.create(true);
        WebSession browser = new WebSession(port);
        TestAccounts.signIn(browser, alice);
        String ticket = ticket(browser);

        db.sql("UPDATE spring_session SET last_access_time = 0, expiry_time = 0 WHERE principal_name = :name")
                .param("name", String.valueOf(alice.id()))
                .update();

        try (SseClient page = new SseClient(port, "/live?ticket=" + ticket)) {
            assertThat(page.status()).isEqualTo(204);
        }
    }

    @Test
    void withNothingToFollowTheAnswerTellsTheBrowserNotToReconnect() {
        Http anonymous = new Http(port);

        assertThat(anonymous.get("/live").statusCode()).isEqualTo(204);
        assertThat(anonymous.get("/live?article=0").statusCode()).isEqualTo(400);
        assertThat(anonymous.get("/live?article=abc").statusCode()).isEqualTo(400);
    }

    private String ticket(WebSession browser) {
        String answer = browser.get("/live/ticket").body();
        assertThat(answer).startsWith("{\"ticket\":\"");
        return answer.substring("{\"ticket\":\"".length(), answer.length() - 2);
    }

    private long lastActive(Credentials account) {
        return db.sql("SELECT max(last_access_time) FROM spring_session WHERE principal_name = :name")
                .param("name", String.valueOf(account.id()))
                .query(Long.class)
                .single();
    }

    @Test
    void everyPageLoadsTheLiveScript() {
        assertThat(new Http(port).get("/").body()).contains("/js/live");
    }
}
