package org.masthead.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.SecondNode;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node holds only as many live streams as its heap allows: past that it answers 503 at once, so that a
 * crowd of pages cannot take down the node that serves them, and takes streams again as others end.
 */
@MastheadTest
class LiveStreamLimitTest {

    @Autowired
    TestContent content;

    @Autowired
    HikariDataSource dataSource;

    @Test
    void aNodeFullOfStreamsRefusesTheNextWithRetryAfterAndTakesItOnceOneHasEnded() throws InterruptedException {
        long article = content.article(content.section("Live")).published();
        String path = "/live?article=" + article;
        // A short heartbeat, so that the node soon finds a stream whose page has gone.
        try (ConfigurableApplicationContext node = SecondNode.start(
                dataSource,
                "--masthead.notifications.live-max-streams=2",
                "--masthead.notifications.live-heartbeat=1s")) {
            int port = SecondNode.port(node);
            List<SseClient> open = new ArrayList<>();
            try {
                open.add(new SseClient(port, path));
                open.add(new SseClient(port, path));
                assertThat(open)
                        .allSatisfy(stream -> assertThat(stream.status()).isEqualTo(200));

                try (SseClient refused = new SseClient(port, path)) {
                    assertThat(refused.status()).isEqualTo(503);
                    assertThat(refused.header("Retry-After")).isEqualTo("5");
                    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                }

                open.removeFirst().close();
                int status = 0;
                for (long giveUpAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                        status != 200 && System.nanoTime() < giveUpAt; ) {
                    Thread.sleep(200);
                    try (SseClient again = new SseClient(port, path)) {
                        status = again.status();
                    }
                }
                assertThat(status)
                        .as("a stream is taken again once one has ended")
                        .isEqualTo(200);
            } finally {
                open.forEach(SseClient::close);
            }
        }
    }
}
