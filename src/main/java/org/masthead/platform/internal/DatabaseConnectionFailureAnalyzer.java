package org.masthead.platform.internal;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * A node that cannot reach or sign in to the external PostgreSQL it is given says which setting to look at,
 * instead of a stack trace of every bean that needed the database. Other database errors (a failing
 * migration, say) keep their stack trace: they are not a matter of configuration.
 */
class DatabaseConnectionFailureAnalyzer extends AbstractFailureAnalyzer<PSQLException> {

    private final Environment environment;

    DatabaseConnectionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, PSQLException cause) {
        String url = environment.getProperty("masthead.db.url");
        String state = Objects.requireNonNullElse(cause.getSQLState(), "");
        if (!StringUtils.hasText(url)) {
            return null;
        }
        String action;
        if (state.startsWith("08")) {
            action = "Check that PostgreSQL runs and accepts connections there, and that MASTHEAD_DB_URL"
                    + " (masthead.db.url) names its host, port and database:"
                    + " jdbc:postgresql://host:port/database.";
        } else if (state.startsWith("28")) {
            action = "Check MASTHEAD_DB_USER and MASTHEAD_DB_PASSWORD (masthead.db.user, masthead.db.password),"
                    + " and that PostgreSQL's pg_hba.conf lets that user in from this machine.";
        } else if (state.equals("3D000")) {
            action = "Create the database (createdb), or name one that exists in MASTHEAD_DB_URL (masthead.db.url).";
        } else {
            return null;
        }
        return new FailureAnalysis(
                "Masthead could not connect to its PostgreSQL at " + addresses() + ": " + cause.getMessage(),
                action,
                cause);
    }

    /** The URLs in use, each with its setting; they may carry a password as a parameter, which is left out. */
    private String addresses() {
        List<String> addresses = Stream.of("masthead.db.url", "masthead.db.direct-url")
                .filter(setting -> StringUtils.hasText(environment.getProperty(setting)))
                .map(setting -> environment.getProperty(setting, "").replaceFirst("\\?.*", "") + " (" + setting + ")")
                .toList();
        return String.join(" or ", addresses);
    }
}
