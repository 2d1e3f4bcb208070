package org.masthead.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.masthead.platform.DatabaseProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * One data source: the external PostgreSQL named by {@code masthead.db.url}, or else our own.
 * Pool settings come from the usual {@code spring.datasource.hikari.*} properties. What needs a session
 * of its own gets it from {@link SessionConnections}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Duration REPLICA_CONNECTION_TIMEOUT = Duration.ofMillis(500);

    @Bean(destroyMethod = "close")
    @Conditional(NoExternalDatabase.class)
    EmbeddedPostgresServer embeddedPostgres(DatabaseProperties properties) {
        return EarlyEmbeddedPostgres.take(properties.dataDir());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        HikariDataSource dataSource = new HikariDataSource();
        DatabaseProperties.Db db = properties.db();
        if (db.isExternal()) {
            dataSource.setJdbcUrl(db.url());
            dataSource.setUsername(db.user());
            dataSource.setPassword(db.password());
        } else {
            EmbeddedPostgresServer server = embedded.getObject();
            dataSource.setJdbcUrl(server.jdbcUrl());
            dataSource.setUsername(server.user());
            dataSource.setPassword(server.password());
        }
        dataSource.setPoolName("masthead");
        return dataSource;
    }

    /**
     * With a read replica, the data source every part of Masthead uses routes {@code @StaleReads} pages to it; the
     * primary's pool stays a bean of its own, for what must reach the primary whatever the thread is doing.
     */
    @Bean(destroyMethod = "close")
    @Primary
    @Conditional(ReadReplica.class)
    ReplicaRouting routingDataSource(
            DatabaseProperties properties,
            @Qualifier("dataSource") DataSource primary,
            ReplicaCatchUp catchUp,
            MeterRegistry meters)
            throws SQLException {
        DatabaseProperties.Db db = properties.db();
        HikariDataSource replica = new HikariDataSource();
        replica.setJdbcUrl(db.replicaUrl());
        replica.setUsername(db.user());
        replica.setPassword(db.password());
        replica.setMaximumPoolSize(primary.unwrap(HikariDataSource.class).getMaximumPoolSize());
        replica.setReadOnly(true);
        replica.setPoolName("masthead-replica");
        // A replica that is down is only not caught up: the node starts, and reads stay on the primary; a
        // reader waits for it briefly before the primary answers instead.
        replica.setInitializationFailTimeout(-1);
        replica.setConnectionTimeout(REPLICA_CONNECTION_TIMEOUT.toMillis());
        return new ReplicaRouting(primary, replica, catchUp, meters);
    }

    @Bean(destroyMethod = "close")
    @Conditional(ReadReplica.class)
    ReplicaCatchUp replicaCatchUp(DatabaseProperties properties, @Qualifier("dataSource") DataSource primary) {
        DatabaseProperties.Db db = properties.db();
        return new ReplicaCatchUp(primary, db.replicaUrl(), db.user(), db.password());
    }

    @Bean
    SessionConnections sessionConnections(DatabaseProperties properties, @Qualifier("dataSource") DataSource pool) {
        return new SessionConnections(properties.db(), pool);
    }

    /** Migrations hold a session-level lock while they run: behind a transaction pooler, they go direct. */
    @Bean
    FlywayConfigurationCustomizer migrationsOnTheirOwnSession(DatabaseProperties properties) {
        DatabaseProperties.Db db = properties.db();
        return configuration -> {
            if (db.hasDirectUrl()) {
                configuration.dataSource(db.directUrl(), db.user(), db.password());
            }
        };
    }

    static class ReadReplica implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("masthead.db.replica-url"));
        }
    }

    static class NoExternalDatabase implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("masthead.db.url"));
        }
    }
}
