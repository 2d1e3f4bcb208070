package org.masthead.platform.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.masthead.platform.DatabaseProperties;

/**
 * Connections for what keeps state in its database session beyond one transaction, such as {@code LISTEN}.
 * Behind a pooler in transaction mode (PgBouncer) a pooled connection's session is shared, so these go to
 * PostgreSQL itself ({@code masthead.db.direct-url}); otherwise they come from the pool.
 */
final class SessionConnections {

    private final DatabaseProperties.Db db;
    private final DataSource pool;

    SessionConnections(DatabaseProperties.Db db, DataSource pool) {
        this.db = db;
        this.pool = pool;
    }

    /** A connection whose session is its own until it is closed. */
    Connection open() throws SQLException {
        return db.hasDirectUrl()
                ? DriverManager.getConnection(db.directUrl(), db.user(), db.password())
                : pool.getConnection();
    }
}
