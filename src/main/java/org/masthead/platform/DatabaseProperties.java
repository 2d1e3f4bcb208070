package org.masthead.platform;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Masthead keeps its data.
 *
 * @param dataDir the folder for local state, such as the embedded PostgreSQL's files
 * @param db an external PostgreSQL; when its URL is empty Masthead runs its own
 */
@ConfigurationProperties("masthead")
public record DatabaseProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Db db) {

    /**
     * @param url a JDBC URL such as {@code jdbc:postgresql://db.example:5432/masthead}
     * @param directUrl when {@code url} leads to a pooler in transaction mode (PgBouncer), a JDBC URL of
     *     PostgreSQL itself, for what needs a session of its own: listening for cluster messages, and
     *     migrations (which hold a session lock while they run)
     * @param replicaUrl a JDBC URL of a streaming replica of that PostgreSQL, for the reads marked as
     *     allowed to be a moment stale ({@link org.masthead.platform.StaleReads}); same user and password
     */
    public record Db(
            @Nullable String url,
            @Nullable String user,
            @Nullable String password,
            @Nullable String directUrl,
            @Nullable String replicaUrl) {

        public Db {
            requireJdbcUrl("masthead.db.url (MASTHEAD_DB_URL)", url);
            requireJdbcUrl("masthead.db.direct-url", directUrl);
            requireJdbcUrl("masthead.db.replica-url", replicaUrl);
            boolean external = url != null && !url.isBlank();
            if (!external && directUrl != null && !directUrl.isBlank()) {
                throw new IllegalArgumentException(
                        "masthead.db.direct-url is for an external PostgreSQL: set masthead.db.url too");
            }
            if (!external && replicaUrl != null && !replicaUrl.isBlank()) {
                throw new IllegalArgumentException(
                        "masthead.db.replica-url is for an external PostgreSQL: set masthead.db.url too");
            }
        }

        /** A URL as PostgreSQL's own tools write it ({@code postgres://...}) finds no JDBC driver: said at once. */
        private static void requireJdbcUrl(String setting, @Nullable String url) {
            if (url != null && !url.isBlank() && !url.strip().startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException(setting + " must be a JDBC URL that starts with jdbc:postgresql://,"
                        + " such as jdbc:postgresql://db.example:5432/masthead, not "
                        + url.replaceFirst("//[^/@]*@", "//...@"));
            }
        }

        public boolean isExternal() {
            return url != null && !url.isBlank();
        }

        public boolean hasDirectUrl() {
            return directUrl != null && !directUrl.isBlank();
        }
    }
}
