package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.SecondNode;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Participant;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node with a read replica ({@code masthead.db.replica-url}) sends the reads marked as allowed to be
 * stale there, and everything else to the primary. The "replica" here is a database of its own with the
 * schema and none of the content, a replica infinitely far behind, so that where each read went shows.
 */
@MastheadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadReplicaTest {

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    @LocalServerPort
    int port;

    ConfigurableApplicationContext node;
    int nodePort;

    @BeforeAll
    void startANodeWithAReplicaFarBehind() throws SQLException {
        String replica = "replica_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("CREATE DATABASE " + replica);
        }
        String primaryUrl = dataSource.getJdbcUrl();
        int database = primaryUrl.lastIndexOf('/') + 1;
        int query = primaryUrl.indexOf('?', database);
        String replicaUrl =
                primaryUrl.substring(0, database) + replica + (query < 0 ? "" : primaryUrl.substring(query));
        // A node on it alone gives it the schema.
        SecondNode.start(dataSource, "--masthead.db.url=" + replicaUrl).close();
        node = SecondNode.start(dataSource, "--masthead.db.replica-url=" + replicaUrl);
        nodePort = SecondNode.port(node);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Test
    void searchReadsTheReplicaWhileSigningInPostingAndArticlesUseThePrimary() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long article = content.article(content.section("Replicated"))
                .headline("The " + word + " story")
                .published();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        new Http(port).get("/search?q=" + word).body())
                .contains("The " + word + " story"));

        String onTheNodeWithTheReplica =
                new Http(nodePort).get("/search?q=" + word).body();
        assertThat(onTheNodeWithTheReplica).doesNotContain("The " + word + " story");

        // The account and the article exist only on the primary.
        Participant reader = Participant.signIn(nodePort, accounts.create(true));
        long comment = reader.posted(article, "Written to the primary.");
        assertThat(comment).isPositive();
    }
}
