package org.masthead.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            run(server, "CREATE TABLE note (text TEXT)");
            run(server, "INSERT INTO note VALUES ('kept')");
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(query(server, "SELECT text FROM note")).isEqualTo("kept");
        }
    }

    @Test
    void aServerLeftRunningByAKilledAppIsStoppedAndReplaced() throws Exception {
        Process app = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrphanedServer.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(app.getInputStream()))) {
            assertThat(output.lines().filter(line -> line.contains("READY")).findFirst())
                    .isPresent();
        }
        long postgresPid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst());
        app.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive))
                .as("PostgreSQL outlives its app")
                .hasValue(true);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(query(server, "SELECT text FROM note")).isEqualTo("written before the crash");
        }
    }

    @Test
    void aStalePidFileNamingSomeOtherProcessIsRemovedWithoutHarmingIt() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            run(server, "CREATE TABLE note (text TEXT)");
        }
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        // Our own pid: a live process that is not PostgreSQL, as after a reboot reuses the number.
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + dataDir + "\n");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(query(server, "SELECT 'up'")).isEqualTo("up");
        }
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    private static void run(EmbeddedPostgresServer server, String sql) {
        try (HikariDataSource dataSource = dataSource(server)) {
            JdbcClient.create(dataSource).sql(sql).update();
        }
    }

    private static String query(EmbeddedPostgresServer server, String sql) {
        try (HikariDataSource dataSource = dataSource(server)) {
            return JdbcClient.create(dataSource).sql(sql).query(String.class).single();
        }
    }

    private static HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.user());
        dataSource.setMaximumPoolSize(1);
        return dataSource;
    }
}
