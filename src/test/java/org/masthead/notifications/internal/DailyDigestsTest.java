package org.masthead.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.accounts.TestAccounts;
import org.masthead.accounts.TestAccounts.Credentials;
import org.masthead.discussion.CommentPosted;
import org.masthead.discussion.TestDiscussion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Readers who chose a daily digest get one e-mail a day gathering their replies and mentions. */
@MastheadTest
class DailyDigestsTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestDiscussion discussion;

    @Autowired
    EmailPreferences preferences;

    @Autowired
    DailyDigests digests;

    @Autowired
    JdbcClient db;

    @Test
    void aDigestGathersTheRepliesAndMentionsAndIsSentOnceHoweverOftenTheJobRuns() throws Exception {
        Credentials alice = accounts.create(true);
        Credentials bob = accounts.create(true);
        preferences.choose(alice.id(), EmailChoice.DIGEST);
        CommentPosted comment = handled(discussion.comment(TestDiscussion.article(), alice.id()));
        CommentPosted reply = handled(discussion.reply(comment, bob.id()));
        CommentPosted mention = handled(discussion.mentioning(comment.articleId(), bob.id(), alice.id()));
        assertThat(TestMailServer.messagesTo(alice.email())).isEmpty();

        db.sql("UPDATE notification_preference SET next_digest_at = now() - interval '1 minute' WHERE account_id = :id")
                .param("id", alice.id())
                .update();
        // Two nodes' jobs at once, then another run.
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(digests::sendDue);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(digests::sendDue);
        one.get();
        two.get();
        digests.sendDue();

        MimeMessage digest = TestMailServer.awaitMessageTo(alice.email());
        assertThat(digest.getSubject()).isEqualTo("Your daily notifications: 2 replies and mentions");
        assertThat(TestMailServer.text(digest))
                .contains(reply.excerpt())
                .contains(mention.excerpt())
                .contains("/comment/" + reply.commentId())
                .contains("/comment/" + mention.commentId());
        assertThat(digest.getHeader("List-Unsubscribe")[0]).contains("/notifications/unsubscribe?token=");
        Thread.sleep(2000);
        assertThat(TestMailServer.messagesTo(alice.email())).hasSize(1);
        assertThat(db.sql("SELECT mail FROM notification WHERE recipient_id = :id")
                        .param("id", alice.id())
                        .query(String.class)
                        .list())
                .containsOnly("digested");
        Instant next = db.sql("SELECT next_digest_at FROM notification_preference WHERE account_id = :id")
                .param("id", alice.id())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(25)));
    }

    @Test
    void aDayWithNothingNewSendsNoDigest() {
        Credentials alice = accounts.create(true);
        preferences.choose(alice.id(), EmailChoice.DIGEST);
        db.sql("UPDATE notification_preference SET next_digest_at = now() - interval '1 minute' WHERE account_id = :id")
                .param("id", alice.id())
                .update();

        digests.sendDue();

        assertThat(TestMailServer.messagesTo(alice.email())).isEmpty();
    }

    @Test
    void digestsGoOutAtTheConfiguredTimeInTheSitesZone() {
        ZoneId london = ZoneId.of("Europe/London");
        Instant evening = ZonedDateTime.of(2026, 7, 1, 20, 0, 0, 0, london).toInstant();
        Instant earlyMorning = ZonedDateTime.of(2026, 7, 2, 6, 0, 0, 0, london).toInstant();

        assertThat(preferences.nextDigestAfter(evening))
                .isEqualTo(ZonedDateTime.of(2026, 7, 2, 7, 0, 0, 0, london).toInstant());
        assertThat(preferences.nextDigestAfter(earlyMorning))
                .isEqualTo(ZonedDateTime.of(2026, 7, 2, 7, 0, 0, 0, london).toInstant());
    }

    private CommentPosted handled(CommentPosted comment) {
        discussion.publish(comment);
        discussion.awaitHandled(comment.commentId());
        return comment;
    }
}
