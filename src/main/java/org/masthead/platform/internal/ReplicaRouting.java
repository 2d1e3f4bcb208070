package org.masthead.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The data source when a read replica is configured: connections come from the primary's pool, except
 * those asked for inside {@link #onReplica}, which come from the replica's.
 */
public final class ReplicaRouting extends AbstractRoutingDataSource implements AutoCloseable {

    private static final ThreadLocal<Boolean> ON_REPLICA = new ThreadLocal<>();

    private final HikariDataSource replica;

    ReplicaRouting(DataSource primary, HikariDataSource replica) {
        this.replica = replica;
        setTargetDataSources(Map.of(Target.PRIMARY, primary, Target.REPLICA, replica));
        setDefaultTargetDataSource(primary);
        setLenientFallback(false);
        afterPropertiesSet();
    }

    private enum Target {
        PRIMARY,
        REPLICA
    }

    /** Runs the work asking for its connections from the replica, if one is configured. */
    public static <T> T onReplica(Supplier<T> work) {
        if (ON_REPLICA.get() != null) {
            return work.get();
        }
        ON_REPLICA.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            ON_REPLICA.remove();
        }
    }

    @Override
    protected @Nullable Object determineCurrentLookupKey() {
        return ON_REPLICA.get() != null ? Target.REPLICA : Target.PRIMARY;
    }

    @Override
    public void close() {
        replica.close();
    }
}
