package org.masthead.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.MastheadApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The embedded PostgreSQL started while Spring reads the application: taken when it starts, stopped when it does not. */
class EarlyEmbeddedPostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void anApplicationThatFailsToStartLeavesNoDatabaseRunningAndItsDataDirectoryFree() throws Exception {
        // Fails after the configuration is read (and the database started), before anything takes it.
        assertThatThrownBy(() -> SpringApplication.run(
                        MastheadApplication.class,
                        "--masthead.data-dir=" + dataDir,
                        "--server.port=0",
                        "--spring.main.web-application-type=not-a-type"))
                .isNotNull();

        Path pgData = dataDir.resolve("postgres");
        // Once the data directory is free, the database started early must have been made there and stopped.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            try (DataDirectoryLock free = DataDirectoryLock.take(dataDir)) {
                assertThat(pgData.resolve("postgresql.conf")).exists();
                assertThat(EmbeddedPostgresServer.runningPostgres(pgData))
                        .as("PostgreSQL still running on " + pgData)
                        .isEmpty();
            }
        });
    }

    @Test
    void theServerStartedEarlyIsTheOneTakenForItsDataDirectory() throws Exception {
        new EarlyEmbeddedPostgres()
                .onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                        null, new SpringApplication(), new String[0], environmentWith(dataDir)));

        try (EmbeddedPostgresServer server = EarlyEmbeddedPostgres.take(dataDir.resolve("."))) {
            assertThat(EmbeddedPostgresServer.runningPostgres(dataDir.resolve("postgres")))
                    .isPresent();
            // The data directory is held: a second start on it is refused rather than given a second server.
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
                    .isInstanceOf(DataDirectoryInUseException.class);
        }
    }

    private static StandardEnvironment environmentWith(Path dataDir) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("masthead.data-dir", dataDir.toString())));
        return environment;
    }
}
