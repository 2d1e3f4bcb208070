package org.masthead.platform.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL as soon as the configuration is known, on a thread of its own, while
 * Spring reads the application's parts: the database is first needed a few seconds later, when those
 * parts are made. A node restarted on its data directory answers that much sooner.
 *
 * <p>The data directory is resolved once, here, and put back into the configuration as it was resolved,
 * so that the server started early is the one {@link DatabaseConfiguration} asks for (a directory named
 * with {@code ${random.uuid}} would otherwise differ at each reading). Should the application fail to
 * start before it takes the server, the server is stopped.
 */
public final class EarlyEmbeddedPostgres implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedPostgres.class);
    private static final AtomicReference<Starting> starting = new AtomicReference<>();

    private record Starting(Path dataDir, CompletableFuture<EmbeddedPostgresServer> server) {}

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start(prepared.getEnvironment());
        } else if (event instanceof ApplicationFailedEvent) {
            stop(starting.getAndSet(null));
        }
    }

    private static void start(ConfigurableEnvironment environment) {
        if (StringUtils.hasText(environment.getProperty("masthead.db.url"))) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("masthead.data-dir", "./data"));
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "masthead-data-dir-as-resolved", Map.of("masthead.data-dir", dataDir.toString())));
        CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();
        Thread.ofPlatform().name("embedded-postgres-start").daemon().start(() -> {
            try {
                server.complete(EmbeddedPostgresServer.start(dataDir));
            } catch (Throwable e) {
                server.completeExceptionally(e);
            }
        });
        stop(starting.getAndSet(new Starting(dataDir, server)));
    }

    /**
     * The server started early for this data directory, waiting for it to be ready; or, when none was (the
     * directory was named otherwise than this class could read), one started now.
     */
    static EmbeddedPostgresServer take(Path dataDir) {
        Starting early = starting.getAndSet(null);
        if (early == null || !sameDirectory(early.dataDir(), dataDir)) {
            stop(early);
            return EmbeddedPostgresServer.start(dataDir);
        }
        try {
            return early.server().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static boolean sameDirectory(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static void stop(Starting unused) {
        if (unused == null) {
            return;
        }
        unused.server().thenAccept(server -> {
            try {
                server.close();
            } catch (Exception e) {
                log.warn("Could not stop the embedded PostgreSQL started for {}", unused.dataDir(), e);
            }
        });
    }
}
