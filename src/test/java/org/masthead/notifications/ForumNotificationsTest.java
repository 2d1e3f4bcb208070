package org.masthead.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.accounts.TestAccounts;
import org.masthead.accounts.TestAccounts.Credentials;
import org.masthead.discussion.Participant;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notifications from readers taking part through the real posting API, as the article page does:
 * what the discussion commits is what readers are told, by mail and in the app.
 */
@MastheadTest
class ForumNotificationsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    JdbcClient db;

    @Test
    void aReplyThatMentionsSomeoneTellsTheAuthorAndTheOneMentionedByMailAndInTheApp() {
        long article = content.article(content.section("Letters")).published();
        Credentials ann = accounts.create(true);
        Credentials bob = accounts.create(true);
        Credentials cat = accounts.create(true);
        long annsComment = Participant.signIn(port, ann).posted(article, "Bring back the night trains.");

        long bobsReply = Participant.signIn(port, bob)
                .replied(article, annsComment, "Agreed. @" + cat.displayName() + " took one last week.");

        MimeMessage toAnn = TestMailServer.awaitMessageTo(ann.email());
        assertThat(TestMailServer.text(toAnn))
                .contains(bob.displayName())
                .contains("took one last week")
                .contains("/comment/" + bobsReply);
        MimeMessage toCat = TestMailServer.awaitMessageTo(cat.email());
        assertThat(TestMailServer.text(toCat)).contains(bob.displayName()).contains("/comment/" + bobsReply);
        assertThat(unread(ann)).isEqualTo(1);
        assertThat(unread(cat)).isEqualTo(1);
        assertThat(unread(bob)).isZero();
    }

    @Test
    void recommendationsOfOneCommentAreGatheredIntoOneNotification() {
        long article = content.article(content.section("Letters")).published();
        Credentials ann = accounts.create(true);
        long comment = Participant.signIn(port, ann).posted(article, "The bridge should stay open to bicycles.");

        for (int i = 0; i < 3; i++) {
            Participant.signIn(port, accounts.create(true))
                    .act(article, "/discussion/comments/" + comment + "/recommend");
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> db.sql("SELECT count(*) FROM notification_source WHERE comment_id = :c")
                                .param("c", comment)
                                .query(Integer.class)
                                .single()
                        == 3);
        assertThat(unread(ann)).isEqualTo(1);
        assertThat(TestMailServer.messagesTo(ann.email())).isEmpty();
    }

    private int unread(Credentials reader) {
        return db.sql("SELECT count(*) FROM notification WHERE recipient_id = :id AND read_at IS NULL")
                .param("id", reader.id())
                .query(Integer.class)
                .single();
    }
}
