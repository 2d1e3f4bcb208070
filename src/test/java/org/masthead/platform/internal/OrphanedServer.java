package org.masthead.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Run in a JVM of its own and killed with SIGKILL by a test: starts the embedded PostgreSQL in the
 * given data directory, writes a row, says READY and waits to die, leaving its PostgreSQL behind.
 */
public final class OrphanedServer {

    private OrphanedServer() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(server.jdbcUrl());
            dataSource.setUsername(server.user());
            dataSource.setPassword(server.password());
            dataSource.setPassword(server.password());
            JdbcClient db = JdbcClient.create(dataSource);
            db.sql("CREATE TABLE note (text TEXT)").update();
            db.sql("INSERT INTO note VALUES ('written before the crash')").update();
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
