package org.masthead.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.masthead.accounts.TestAccounts.Credentials;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Readers who follow a topic or an author hear when it publishes: in app, and in one gathered e-mail. */
@MastheadTest
class FollowedArticlesTest {

    private static final Pattern CSRF =
            Pattern.compile("\"csrf\":\\{\"header\":\"([^\"]+)\",\"token\":\"([^\"]+)\"\\}");

    /** A notification as a test looks at it. */
    record Row(long id, String kind, long articleId, String headline, String mail, String link) {}

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    MailBatches batches;

    @Autowired
    EmailPreferences preferences;

    @Autowired
    JdbcClient db;

    Section section;
    Tag topic;
    Author author;

    @BeforeEach
    void setUp() {
        section = content.section("Followed news");
        topic = content.tag("Housing");
        author = content.author("Nadia Notified");
    }

    @Test
    void followersAreToldOnceInAppAndInOneMailGatheringTheArticles() throws Exception {
        Credentials reader = accounts.create(true);
        WebSession session = signedIn(reader);
        follow(session, "topic/" + topic.slug());
        follow(session, "author/" + author.slug());
        Credentials bystander = accounts.create(true);

        long byNadia = content.article(section)
                .headline("Nadia on rents")
                .standfirst("Why rents keep rising")
                .by(author)
                .tagged(topic)
                .published();
        long onHousing = content.article(section)
                .headline("Housing starts fall")
                .tagged(topic)
                .published();
        awaitHandled(byNadia);
        awaitHandled(onHousing);
        // A reader who follows the topic only now is not told of it when it is updated: it is not news.
        Credentials lateFollower = accounts.create(true);
        follow(signedIn(lateFollower), "topic/" + topic.slug());
        // An update and a republication of the same article, as an editor would.
        content.republish(byNadia);
        content.republish(byNadia);
        awaitHandled(byNadia);

        assertThat(notifications(reader))
                .extracting(Row::kind, Row::articleId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("followed_published", onHousing),
                        org.assertj.core.groups.Tuple.tuple("followed_published", byNadia));
        assertThat(notifications(reader)).extracting(Row::mail).containsOnly("batch");
        assertThat(notifications(bystander)).isEmpty();
        assertThat(notifications(lateFollower)).isEmpty();
        String page = session.get("/notifications").body();
        assertThat(page)
                .contains("You have 2 unread notifications.")
                .contains("New from " + author.name() + ", whom you follow: “Nadia on rents”")
                .contains("New on " + topic.name() + ", a topic you follow: “Housing starts fall”")
                .contains("Why rents keep rising");

        // Nothing is mailed before the batch window ends; then one mail lists both, however many nodes send.
        assertThat(batches.sendDue()).isZero();
        assertThat(TestMailServer.messagesTo(reader.email())).isEmpty();
        makeBatchDue(reader);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(batches::sendDue);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(batches::sendDue);
        assertThat(one.get() + two.get()).isEqualTo(1);

        MimeMessage mail = TestMailServer.awaitMessageTo(reader.email());
        assertThat(mail.getSubject()).isEqualTo("2 new from what you follow");
        assertThat(unwrapped(mail))
                .contains("New from " + author.name() + ", whom you follow: =E2=80=9CNadia on rents")
                .contains("Housing starts fall");
        assertThat(TestMailServer.linkIn(mail, linkOf(reader, byNadia))).isEqualTo(linkOf(reader, byNadia));
        assertThat(TestMailServer.linkIn(mail, linkOf(reader, onHousing))).isEqualTo(linkOf(reader, onHousing));
        assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/notifications/unsubscribe?token=");
        assertThat(notifications(reader)).extracting(Row::mail).containsOnly("sent");
        assertThat(batches.sendDue()).isZero();
        Thread.sleep(1000);
        assertThat(TestMailServer.messagesTo(reader.email())).hasSize(1);

        HttpResponse<String> opened = session.post("/notifications/" + idOf(reader, byNadia) + "/open", Map.of());
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location").orElseThrow())
                .isEqualTo(linkOf(reader, byNadia))
                .startsWith("/" + section.path() + "/");
        assertThat(session.get(linkOf(reader, byNadia)).body()).contains("Nadia on rents");
        assertThat(session.get("/notifications").body()).contains("You have 1 unread notification.");
    }

    @Test
    void anArticleFirstPublishedDaysAgoIsNotNewsWhenItIsUpdated() {
        Credentials reader = accounts.create(true);
        follow(signedIn(reader), "topic/" + topic.slug());

        long old = content.article(section)
                .headline("Last week's housing story")
                .tagged(topic)
                .publishedAt(Instant.now().minus(3, ChronoUnit.DAYS));
        content.republish(old);
        awaitHandled(old);
        long fresh =
                content.article(section).headline("Today's story").tagged(topic).published();
        awaitHandled(fresh);

        assertThat(notifications(reader)).extracting(Row::articleId).containsExactly(fresh);
    }

    @Test
    void newsWaitsForTheDailyDigestOrIsNotMailedAsEachReaderChose() {
        Credentials digest = accounts.create(true);
        Credentials off = accounts.create(true);
        Credentials unconfirmed = accounts.create(false);
        preferences.choose(digest.id(), EmailChoice.DIGEST);
        preferences.choose(off.id(), EmailChoice.OFF);
        for (Credentials reader : List.of(digest, off, unconfirmed)) {
            follow(signedIn(reader), "author/" + author.slug());
        }

        long article =
                content.article(section).headline("Nadia again").by(author).published();
        awaitHandled(article);

        assertThat(notifications(digest)).extracting(Row::mail).containsExactly("digest");
        assertThat(notifications(off)).extracting(Row::mail).containsExactly("none");
        assertThat(notifications(unconfirmed)).extracting(Row::mail).containsExactly("none");
        assertThat(db.sql("SELECT count(*) FROM notification_batch WHERE account_id IN (:ids)")
                        .param("ids", List.of(digest.id(), off.id(), unconfirmed.id()))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** The plain text, with the soft line breaks of quoted-printable taken out. */
    private static String unwrapped(MimeMessage mail) {
        return TestMailServer.text(mail).replace("=\r\n", "").replace("=\n", "");
    }

    private String linkOf(Credentials reader, long articleId) {
        return row(reader, articleId).link();
    }

    private long idOf(Credentials reader, long articleId) {
        return row(reader, articleId).id();
    }

    private Row row(Credentials reader, long articleId) {
        return notifications(reader).stream()
                .filter(row -> row.articleId() == articleId)
                .findFirst()
                .orElseThrow();
    }

    private void makeBatchDue(Credentials reader) {
        db.sql("UPDATE notification_batch SET due_at = now() - interval '1 minute' WHERE account_id = :id")
                .param("id", reader.id())
                .update();
    }

    private void follow(WebSession session, String what) {
        Matcher csrf = CSRF.matcher(session.get("/follows/state/" + what).body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> followed =
                session.postBody("/follows/" + what, "application/json", new byte[0], csrf.group(1), csrf.group(2));
        assertThat(followed.statusCode()).isEqualTo(200);
    }

    private WebSession signedIn(Credentials account) {
        WebSession session = new WebSession(port);
        TestAccounts.signIn(session, account);
        return session;
    }

    /** Waits until every listener has handled the newsroom's events about this article. */
    private void awaitHandled(long articleId) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> db.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :pattern")
                                .param("pattern", "%\"articleId\":" + articleId + ",%")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    /** The reader's notifications, newest first. */
    private List<Row> notifications(Credentials recipient) {
        return db.sql(
                        """
                        SELECT id, kind, article_id, article_headline, mail, coalesce(link, '') AS link
                        FROM notification WHERE recipient_id = :recipient ORDER BY updated_at DESC, id DESC""")
                .param("recipient", recipient.id())
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getLong("article_id"),
                        rs.getString("article_headline"),
                        rs.getString("mail"),
                        rs.getString("link")))
                .list();
    }
}
