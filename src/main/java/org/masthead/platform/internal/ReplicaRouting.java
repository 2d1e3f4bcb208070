package org.masthead.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The data source when a read replica is configured: connections come from the primary's pool, except
 * those asked for between {@link #enter} and {@link #leave} (see {@link StaleReadsRouting}) while the replica
 * has replayed every change this node has heard of ({@link ReplicaCatchUp}), which come from the replica's.
 * A replica that cannot give a connection at once is taken for behind, and the primary gives it instead:
 * the replica is an addition, and its failing must not fail a page, nor the node's health. Counted as
 * {@code masthead.db.stale_reads}, by where they went.
 */
final class ReplicaRouting extends AbstractDataSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaRouting.class);
    private static final ThreadLocal<Boolean> ON_REPLICA = new ThreadLocal<>();

    private final DataSource primary;
    private final HikariDataSource replica;
    private final ReplicaCatchUp catchUp;
    private final Counter toReplica;
    private final Counter toPrimary;

    ReplicaRouting(DataSource primary, HikariDataSource replica, ReplicaCatchUp catchUp, MeterRegistry meters) {
        this.primary = primary;
        this.replica = replica;
        this.catchUp = catchUp;
        this.toReplica = staleReads(meters, "replica");
        this.toPrimary = staleReads(meters, "primary");
    }

    private static Counter staleReads(MeterRegistry meters, String target) {
        return Counter.builder("masthead.db.stale_reads")
                .description("Connections asked for by reads that may be a moment stale, by where they went")
                .tag("target", target)
                .register(meters);
    }

    /** From now on, this thread's connections come from the replica while it is caught up. */
    static void enter() {
        ON_REPLICA.set(Boolean.TRUE);
    }

    static void leave() {
        ON_REPLICA.remove();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (ON_REPLICA.get() == null) {
            return primary.getConnection();
        }
        if (catchUp.caughtUp()) {
            try {
                Connection connection = replica.getConnection();
                toReplica.increment();
                return connection;
            } catch (SQLException e) {
                catchUp.unreachable();
                log.warn(
                        "The read replica gave no connection; reading the primary until it answers: {}",
                        e.getMessage());
            }
        }
        toPrimary.increment();
        return primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("Masthead's connections carry the configured user; none other is given");
    }

    @Override
    public void close() {
        replica.close();
    }
}
