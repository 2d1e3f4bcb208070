package org.masthead.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The data source when a read replica is configured: connections come from the primary's pool, except
 * those asked for between {@link #enter} and {@link #leave} (see {@link StaleReadsRouting}) while the replica has replayed every change this node has heard
 * of ({@link ReplicaCatchUp}), which come from the replica's. Counted as {@code masthead.db.stale_reads},
 * by where they went.
 */
final class ReplicaRouting extends AbstractRoutingDataSource implements AutoCloseable {

    private static final ThreadLocal<Boolean> ON_REPLICA = new ThreadLocal<>();

    private final HikariDataSource replica;
    private final ReplicaCatchUp catchUp;
    private final Counter toReplica;
    private final Counter toPrimary;

    ReplicaRouting(DataSource primary, HikariDataSource replica, ReplicaCatchUp catchUp, MeterRegistry meters) {
        this.replica = replica;
        this.catchUp = catchUp;
        this.toReplica = staleReads(meters, "replica");
        this.toPrimary = staleReads(meters, "primary");
        setTargetDataSources(Map.of(Target.PRIMARY, primary, Target.REPLICA, replica));
        setDefaultTargetDataSource(primary);
        setLenientFallback(false);
        afterPropertiesSet();
    }

    private static Counter staleReads(MeterRegistry meters, String target) {
        return Counter.builder("masthead.db.stale_reads")
                .description("Connections asked for by reads that may be a moment stale, by where they went")
                .tag("target", target)
                .register(meters);
    }

    private enum Target {
        PRIMARY,
        REPLICA
    }

    /** From now on, this thread's connections come from the replica while it is caught up. */
    static void enter() {
        ON_REPLICA.set(Boolean.TRUE);
    }

    static void leave() {
        ON_REPLICA.remove();
    }

    @Override
    protected @Nullable Object determineCurrentLookupKey() {
        if (ON_REPLICA.get() == null) {
            return Target.PRIMARY;
        }
        if (catchUp.caughtUp()) {
            toReplica.increment();
            return Target.REPLICA;
        }
        toPrimary.increment();
        return Target.PRIMARY;
    }

    @Override
    public void close() {
        replica.close();
    }
}
