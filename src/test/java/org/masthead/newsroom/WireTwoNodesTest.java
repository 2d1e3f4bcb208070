package org.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.SecondNode;
import org.masthead.platform.DatabaseProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two nodes sharing one database and one data directory, as behind a load balancer: each file is taken once. */
@MastheadTest
class WireTwoNodesTest {

    private static final int FILES = 120;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    DatabaseProperties data;

    @Autowired
    TestWires wires;

    @Autowired
    JdbcClient db;

    @Autowired
    MeterRegistry meters;

    @Test
    void twoNodesSharingTheWireFolderTakeEveryFileExactlyOnce() throws IOException {
        try (ConfigurableApplicationContext nodeB = SecondNode.start(
                dataSource,
                "--masthead.data-dir=" + data.dataDir().toAbsolutePath(),
                "--masthead.wires.poll-interval=20ms",
                "--masthead.wires.settle-time=0s")) {
            MeterRegistry metersB = nodeB.getBean(MeterRegistry.class);
            double before = taken(meters);
            String prefix = TestContent.unique("urn:two-nodes");
            for (int n = 0; n < FILES; n++) {
                wires.drop(
                        prefix.replace(':', '-') + "-" + n + ".json",
                        TestWires.ninjs(prefix + ":" + n, 1, "Story " + n, "Words.")
                                .getBytes(StandardCharsets.UTF_8));
            }

            // This node takes what it can while the other polls every 20 ms.
            wires.takeWaiting();
            await().atMost(Duration.ofSeconds(30)).until(() -> waiting(wires.incoming()) == 0);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> waiting(wires.incoming().resolveSibling("processing")) == 0);

            double byA = taken(meters) - before;
            double byB = taken(metersB);
            assertThat(byA + byB)
                    .as("files taken by the two nodes together: %s by one, %s by the other", byA, byB)
                    .isEqualTo(FILES);
            assertThat(db.sql("SELECT count(*) FROM wire_item WHERE guid LIKE :prefix")
                            .param("prefix", prefix + ":%")
                            .query(Long.class)
                            .single())
                    .isEqualTo(FILES);
            assertThat(db.sql(
                                    "SELECT count(*) FROM wire_version v JOIN wire_item i ON i.id = v.item_id WHERE i.guid LIKE :prefix")
                            .param("prefix", prefix + ":%")
                            .query(Long.class)
                            .single())
                    .isEqualTo(FILES);
            assertThat(wires.quarantined(prefix.replace(':', '-') + "-0.json")).isEmpty();
        }
    }

    private static double taken(MeterRegistry registry) {
        return registry.get("masthead.wires.files")
                .tag("outcome", "taken")
                .counter()
                .count();
    }

    private static long waiting(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
