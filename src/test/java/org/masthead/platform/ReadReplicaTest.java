package org.masthead.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.SecondNode;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Participant;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.masthead.platform.internal.EmbeddedBackup;
import org.masthead.platform.internal.EmbeddedPostgresServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node with a read replica ({@code masthead.db.replica-url}) reads the pages marked {@link StaleReads}
 * there, but only once the replica has replayed every change the node has heard of; everything else, and
 * those pages while the replica is behind or down, go to the primary. A purge of the cache in front waits
 * for the replica too. The replica is a real streaming
 * standby of the tests' embedded PostgreSQL, made from a backup of it, whose replay the test pauses to put it
 * behind.
 */
@MastheadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTest {

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    DatabaseProperties database;

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    /** A stand-in for the Varnish in front of the node, taking its purges. */
    final WireMockServer caches =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    Path replicaDir;
    EmbeddedPostgresServer replica;
    JdbcClient onReplica;
    HikariDataSource replicaPool;
    ConfigurableApplicationContext node;
    int nodePort;

    @BeforeAll
    void startAStandbyAndANodeReadingIt() throws Exception {
        Path work = Path.of("target/test-data/replica-" + UUID.randomUUID());
        Files.createDirectories(work);
        Path backup = work.resolve("primary.zip");
        EmbeddedBackup.backup(database.dataDir(), backup);
        replicaDir = work.resolve("standby");
        EmbeddedBackup.restore(backup, replicaDir);
        int primaryPort =
                URI.create(dataSource.getJdbcUrl().substring("jdbc:".length())).getPort();
        Files.writeString(replicaDir.resolve("postgres/standby.signal"), "");
        Files.writeString(
                replicaDir.resolve("postgres/postgresql.auto.conf"),
                "\nprimary_conninfo = 'host=127.0.0.1 port=%d user=%s password=%s application_name=test_replica'\n"
                        .formatted(primaryPort, dataSource.getUsername(), dataSource.getPassword()),
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        replica = EmbeddedPostgresServer.start(replicaDir);
        replicaPool = new HikariDataSource();
        replicaPool.setJdbcUrl(replica.jdbcUrl());
        replicaPool.setUsername(replica.user());
        replicaPool.setPassword(replica.password());
        replicaPool.setMaximumPoolSize(2);
        onReplica = JdbcClient.create(replicaPool);
        assertThat(onReplica
                        .sql("SELECT pg_is_in_recovery()")
                        .query(Boolean.class)
                        .single())
                .as("a standby")
                .isTrue();
        caches.start();
        caches.stubFor(request("PURGE", urlEqualTo("/")).willReturn(aResponse().withStatus(200)));
        node = SecondNode.start(
                dataSource,
                "--masthead.db.replica-url=" + replica.jdbcUrl(),
                "--masthead.cache.purge-urls=http://localhost:" + caches.port());
        nodePort = SecondNode.port(node);
    }

    /** A test that fails with the replay paused leaves the next one a replica that replays. */
    @AfterEach
    void replayAgain() {
        if (replica != null) {
            onReplica.sql("SELECT pg_wal_replay_resume()").query().singleRow();
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        caches.stop();
        if (replicaPool != null) {
            replicaPool.close();
        }
        if (replica != null) {
            replica.close();
        }
    }

    @Test
    @Order(1)
    void pagesReadTheReplicaOnlyWhileItHasEveryChangeTheNodeHasHeardOf() {
        Section section = content.section("Replicated");
        String first = "First " + TestContent.unique("story");
        content.article(section).headline(first).published();
        String sectionPage = "/" + section.path();
        Http onNode = new Http(nodePort);

        // Caught up: the section page comes from the replica, and shows what it has replayed.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            double before = readsOn("replica");
            assertThat(onNode.get(sectionPage + "?look=" + UUID.randomUUID()).body())
                    .contains(first);
            assertThat(readsOn("replica")).isGreaterThan(before);
        });

        // Behind: a story published while the replica replays nothing is on the page all the same, read
        // from the primary, because the node heard of the change the replica lacks.
        pauseReplay();
        String second = "Second " + TestContent.unique("story");
        long article = content.article(section).headline(second).published();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(onNode.get(sectionPage).body()).contains(second));
        assertThat(onReplica
                        .sql("SELECT count(*) FROM article WHERE id = :id")
                        .param("id", article)
                        .query(Integer.class)
                        .single())
                .as("the paused replica lacks the story")
                .isZero();
        double onPrimary = readsOn("primary");
        assertThat(onNode.get(sectionPage + "?look=" + UUID.randomUUID()).body())
                .contains(second);
        assertThat(readsOn("primary")).isGreaterThan(onPrimary);

        // Writes go to the primary, whatever the replica does.
        Participant reader = Participant.signIn(nodePort, accounts.create(true));
        assertThat(reader.posted(article, "Written to the primary while the replica waits."))
                .isPositive();

        // Replaying again, the replica takes the reads back once it has the story.
        onReplica.sql("SELECT pg_wal_replay_resume()").query().singleRow();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            double before = readsOn("replica");
            assertThat(onNode.get(sectionPage + "?look=" + UUID.randomUUID()).body())
                    .contains(second);
            assertThat(readsOn("replica")).isGreaterThan(before);
        });
    }

    /**
     * What a node keeps in memory and reads again when told of a change (here the sections, which a new section
     * changes without dropping any page) is read from the primary while the replica lacks the change.
     */
    @Test
    @Order(2)
    void aSectionMadeWhileTheReplicaIsBehindHasItsPageAtOnce() {
        Http onNode = new Http(nodePort);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            double before = readsOn("replica");
            assertThat(onNode.get("/?look=" + UUID.randomUUID()).statusCode()).isEqualTo(200);
            assertThat(readsOn("replica")).isGreaterThan(before);
        });
        pauseReplay();

        Section made = content.section("Made while the replica waits");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(onNode.get("/" + made.path()).statusCode()).isEqualTo(200));
    }

    @Test
    @Order(3)
    void aPurgeOfTheCacheInFrontWaitsUntilTheReplicaHasTheChange() {
        TestContent onTheNode = node.getBean(TestContent.class);
        Section section = onTheNode.section("Purged after replay");
        pauseReplay();
        long article = onTheNode.article(section).published();
        StringValuePattern key = matching("(.* )?article-" + article + "( .*)?");

        // The cache would ask the node again at once, and might be given the page without the story.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(
                        caches.findAll(requestedFor("PURGE", urlEqualTo("/")).withHeader("xkey-purge", key)))
                .isEmpty());

        onReplica.sql("SELECT pg_wal_replay_resume()").query().singleRow();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        caches.findAll(requestedFor("PURGE", urlEqualTo("/")).withHeader("xkey-purge", key)))
                .isNotEmpty());
    }

    @Test
    @Order(4)
    void searchReadsTheReplica() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        content.article(content.section("Replicated search"))
                .headline("The " + word + " story")
                .published();
        Http onNode = new Http(nodePort);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            double before = readsOn("replica");
            assertThat(onNode.get("/search?q=" + word).body()).contains("The " + word + " story");
            assertThat(readsOn("replica")).isGreaterThan(before);
        });
    }

    @Test
    @Order(5)
    void aNodeWhoseReplicaIsDownReadsThePrimary() throws Exception {
        Section section = content.section("Replica down");
        String story = "Unreplicated " + TestContent.unique("story");
        replicaPool.close();
        replica.close();
        content.article(section).headline(story).published();

        Http onNode = new Http(nodePort);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var page = onNode.get("/" + section.path() + "?look=" + UUID.randomUUID());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(story);
        });
        double onPrimary = readsOn("primary");
        double onTheReplica = readsOn("replica");
        assertThat(onNode.get("/" + section.path() + "?look=" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(200);
        assertThat(readsOn("primary")).isGreaterThan(onPrimary);
        assertThat(readsOn("replica")).isEqualTo(onTheReplica);
        // The load balancer keeps sending readers to it: the replica is not the node's health.
        var health = onNode.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        replica = null;
        replicaPool = null;
    }

    private void pauseReplay() {
        onReplica.sql("SELECT pg_wal_replay_pause()").query().singleRow();
        await().atMost(Duration.ofSeconds(10)).until(() -> onReplica
                .sql("SELECT pg_get_wal_replay_pause_state()")
                .query(String.class)
                .single()
                .equals("paused"));
    }

    private double readsOn(String target) {
        return node.getBean(MeterRegistry.class)
                .counter("masthead.db.stale_reads", "target", target)
                .count();
    }
}
