package org.masthead.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** A wrong database setting is reported as that setting and what to do, not as a stack trace of every bean. */
@MastheadTest
class DatabaseConnectionFailureAnalyzerTest {

    @Autowired
    HikariDataSource database;

    @Test
    void nothingListeningAtTheUrlNamesMastheadDbUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/masthead";

        FailureAnalysis analysis =
                analyse(url, catchThrowable(() -> DriverManager.getConnection(url, "masthead", "x")));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .contains(url)
                .contains("masthead.db.url")
                .contains("refused");
        assertThat(analysis.getAction()).contains("MASTHEAD_DB_URL").contains("jdbc:postgresql://host:port/database");
    }

    @Test
    void aWrongPasswordNamesTheUserAndPasswordSettings() {
        String url = database.getJdbcUrl();

        FailureAnalysis analysis =
                analyse(url, catchThrowable(() -> DriverManager.getConnection(url, database.getUsername(), "wrong")));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getAction()).contains("MASTHEAD_DB_USER").contains("MASTHEAD_DB_PASSWORD");
    }

    @Test
    void theEmbeddedDatabaseIsLeftToItsOwnMessages() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/masthead";

        assertThat(analyse("", catchThrowable(() -> DriverManager.getConnection(url, "masthead", "x"))))
                .isNull();
    }

    /** As start-up meets it: deep inside the failure of a bean that needed the database. */
    private static FailureAnalysis analyse(String configuredUrl, Throwable connectionFailure) {
        assertThat(connectionFailure).isNotNull();
        var failure = new BeanCreationException("flywayInitializer", "Failed to initialize", connectionFailure);
        return new DatabaseConnectionFailureAnalyzer(
                        new MockEnvironment().withProperty("masthead.db.url", configuredUrl))
                .analyze(failure);
    }
}
