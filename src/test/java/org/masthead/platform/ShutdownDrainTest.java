package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.SecondNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node told to stop tells the load balancer first, and keeps serving until the balancer has moved readers
 * away: a planned restart costs readers nothing.
 */
@MastheadTest
class ShutdownDrainTest {

    @Autowired
    HikariDataSource dataSource;

    @Test
    void aStoppingNodeReportsOutOfServiceWhileItStillServesForTheDrain() {
        ConfigurableApplicationContext node = SecondNode.start(dataSource, "--masthead.shutdown.drain=20s");
        Http http = new Http(SecondNode.port(node));
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(node::close);
        try {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> http.get("/actuator/health").statusCode() == 503);
            assertThat(http.get("/actuator/health").body()).contains("OUT_OF_SERVICE");
            assertThat(http.get("/").statusCode())
                    .as("a reader's page while the load balancer has not yet moved away")
                    .isEqualTo(200);
            assertThat(stopped).isNotDone();
        } finally {
            stopped.join();
        }
    }
}
