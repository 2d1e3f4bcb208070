package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.SecondNode;
import org.masthead.newsroom.Newsroom;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Two app nodes on one database, as behind a load balancer: a change made through one shows on the other. */
@MastheadTest
class TwoNodesTest {

    @Autowired
    TestContent content;

    @Autowired
    Newsroom newsroom;

    @Autowired
    HikariDataSource dataSource;

    @LocalServerPort
    int port;

    ConfigurableApplicationContext nodeB;

    @BeforeEach
    void startSecondNode() {
        nodeB = SecondNode.start(dataSource);
    }

    @AfterEach
    void stopSecondNode() {
        nodeB.close();
    }

    @Test
    void articleUpdatedThroughOneNodeIsFreshOnTheOther() {
        Section section = content.section("Politics");
        String slug = TestContent.unique("vote-tonight");
        Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        long id = content.article(section).slug(slug).publishedAt(published);
        Http onB = new Http(((WebServerApplicationContext) nodeB).getWebServer().getPort());
        String path = new Http(port)
                .get("/" + section.path())
                .body()
                .lines()
                .filter(line -> line.contains(slug))
                .map(line ->
                        line.substring(line.indexOf("href=\"") + 6, line.indexOf("\"", line.indexOf("href=\"") + 6)))
                .findFirst()
                .orElseThrow();
        // The new section reaches node B by a message, so give it a moment.
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(onB.get(path).statusCode()).isEqualTo(200));
        assertThat(onB.get(path).body()).doesNotContain("Updated <time");

        newsroom.publish(id, published.plus(30, ChronoUnit.MINUTES));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(onB.get(path).body()).contains("Updated <time"));
    }
}
