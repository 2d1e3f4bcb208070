package org.masthead.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
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
    void onlyConnectionsWithThePasswordKeptInTheDataDirectoryGetIn() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            Path passwordFile = dataDir.resolve("postgres-password");
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .as("readable by its owner only")
                    .isEqualTo("rw-------");

            assertThatThrownBy(() -> connect(server, null)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(server, "postgres")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(server, server.password() + "x")).isInstanceOf(SQLException.class);
            try (Connection connection = connect(server, server.password())) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void aClusterMadeByAnEarlierVersionThatTrustedEveryoneIsGivenAPassword() throws Exception {
        // As Masthead made its clusters before they had a password: initdb's "trust" for every connection.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(Files.createDirectories(dataDir.resolve("postgres-runtime"))
                        .toFile())
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setRegisterShutdownHook(false)
                .start()) {
            try (Connection connection = earlier.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("CREATE TABLE note (text TEXT)");
                connection.createStatement().execute("INSERT INTO note VALUES ('from before')");
            }
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(query(server, "SELECT text FROM note")).isEqualTo("from before");
            assertThat(Files.readString(dataDir.resolve("postgres-password")).strip())
                    .isEqualTo(server.password());
            // The server reads its new rules a moment after being told to.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(() -> connect(server, null))
                    .isInstanceOf(SQLException.class));
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(query(server, "SELECT text FROM note")).isEqualTo("from before");
            assertThatThrownBy(() -> connect(server, null)).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aLostPasswordFileGetsANewPasswordAndTheDataStays() throws Exception {
        String first;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            first = server.password();
            run(server, "CREATE TABLE note (text TEXT)");
            run(server, "INSERT INTO note VALUES ('kept')");
        }
        Files.delete(dataDir.resolve("postgres-password"));

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(server.password()).isNotEqualTo(first);
            assertThat(query(server, "SELECT text FROM note")).isEqualTo("kept");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(() -> connect(server, first))
                    .isInstanceOf(SQLException.class));
        }
    }

    @Test
    void aServerLeftRunningByAKilledAppIsStoppedAndReplaced() throws Exception {
        Process app = startInAnotherProcess();
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
    void aSecondStartOnADirectoryInUseIsRefusedAndLeavesTheRunningServerAlone() throws Exception {
        Process app = startInAnotherProcess();
        try {
            long postgresPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                    .getFirst());

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("in use by another running Masthead (process " + app.pid() + ")");

            assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive))
                    .as("the running node's PostgreSQL")
                    .hasValue(true);
            assertThat(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                            .getFirst())
                    .isEqualTo(Long.toString(postgresPid));
        } finally {
            app.destroyForcibly().waitFor();
        }
    }

    @Test
    void aSecondServerInTheSameProcessIsRefusedToo() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
                    .isInstanceOf(DataDirectoryInUseException.class);
            assertThat(query(server, "SELECT 'still up'")).isEqualTo("still up");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Starts a server in a JVM of its own, as another node would, and waits until it has written its row. */
    private Process startInAnotherProcess() throws Exception {
        Process app = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrphanedServer.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(app.getInputStream()));
        assertThat(output.lines().filter(line -> line.contains("READY")).findFirst())
                .isPresent();
        return app;
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

    private static Connection connect(EmbeddedPostgresServer server, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.user());
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(server.jdbcUrl(), properties);
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
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(1);
        return dataSource;
    }
}
