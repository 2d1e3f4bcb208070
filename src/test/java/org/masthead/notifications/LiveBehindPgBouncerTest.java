package org.masthead.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.MastheadTest;
import org.masthead.PgBouncer;
import org.masthead.SecondNode;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Participant;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node whose connections go through PgBouncer in transaction pooling, beside a node connected directly:
 * readers sign in and post through it, and what happens on either node reaches pages on the other, because
 * the session that listens for cluster messages goes to PostgreSQL itself ({@code masthead.db.direct-url}).
 */
@MastheadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveBehindPgBouncerTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    HikariDataSource dataSource;

    @LocalServerPort
    int port;

    PgBouncer pgBouncer;
    ConfigurableApplicationContext pooled;
    int pooledPort;

    @BeforeAll
    void startANodeBehindPgBouncer() {
        pgBouncer = PgBouncer.inFrontOf(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
        pooled = SecondNode.start(
                dataSource,
                "--masthead.db.url=" + pgBouncer.jdbcUrl(),
                "--masthead.db.direct-url=" + dataSource.getJdbcUrl());
        pooledPort = SecondNode.port(pooled);
    }

    @AfterAll
    void stop() {
        pooled.close();
        pgBouncer.close();
    }

    @Test
    void aCommentPostedThroughTheNodeBehindPgBouncerReachesPagesOnTheOther() {
        long article = content.article(content.section("Pooled")).published();
        Participant reader = Participant.signIn(pooledPort, accounts.create(true));
        try (SseClient page = new SseClient(port, "/live?article=" + article)) {
            long comment = reader.posted(article, "Posted through a pooled connection.");

            assertThat(page.next("comment", WAIT).data()).contains("\"commentId\":" + comment);
        }
    }

    @Test
    void aCommentPostedOnTheOtherNodeReachesPagesOnTheNodeBehindPgBouncer() {
        long article = content.article(content.section("Pooled")).published();
        Participant reader = Participant.signIn(port, accounts.create(true));
        try (SseClient page = new SseClient(pooledPort, "/live?article=" + article)) {
            long comment = reader.posted(article, "Heard by a node that listens on a session of its own.");

            assertThat(page.next("comment", WAIT).data()).contains("\"commentId\":" + comment);
        }
    }
}
