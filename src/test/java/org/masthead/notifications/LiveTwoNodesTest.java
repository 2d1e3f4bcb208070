package org.masthead.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.SecondNode;
import org.masthead.accounts.TestAccounts;
import org.masthead.accounts.TestAccounts.Credentials;
import org.masthead.discussion.Participant;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two app nodes on one database, as behind a load balancer: what is handled on one reaches pages
 * connected to the other.
 */
@MastheadTest
class LiveTwoNodesTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    HikariDataSource dataSource;

    @LocalServerPort
    int port;

    ConfigurableApplicationContext nodeB;
    int portB;

    @BeforeEach
    void startSecondNode() {
        nodeB = SecondNode.start(dataSource);
        portB = SecondNode.port(nodeB);
    }

    @AfterEach
    void stopSecondNode() {
        nodeB.close();
    }

    @Test
    void aCommentPostedThroughOneNodeReachesPagesOnTheOther() {
        long article = content.article(content.section("Live")).published();
        Participant reader = Participant.signIn(port, accounts.create(true));
        try (SseClient onB = new SseClient(portB, "/live?article=" + article)) {
            assertThat(onB.status()).isEqualTo(200);

            long comment = reader.posted(article, "Posted through node A, read on node B.");

            assertThat(onB.next("comment", WAIT).data()).contains("\"commentId\":" + comment);
        }
    }

    @Test
    void aReplyPostedThroughOneNodeRaisesTheUnreadCountOnTheOther() {
        long article = content.article(content.section("Live")).published();
        Credentials alice = accounts.create(true);
        Participant aliceOnA = Participant.signIn(port, alice);
        long comment = aliceOnA.posted(article, "Who took the night train?");

        // The ticket from node A is good on node B: the key that signs it is in the database.
        String answer = aliceOnA.web.get("/live/ticket").body();
        String ticket = answer.substring("{\"ticket\":\"".length(), answer.length() - 2);
        try (SseClient onB = new SseClient(portB, "/live?ticket=" + ticket)) {
            assertThat(onB.next("unread", WAIT).data()).isEqualTo("{\"count\":0}");

            Participant.signIn(port, accounts.create(true)).replied(article, comment, "I did, last week.");

            assertThat(onB.next("unread", WAIT).data()).isEqualTo("{\"count\":1}");
        }
    }
}
