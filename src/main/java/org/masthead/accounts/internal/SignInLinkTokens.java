package org.masthead.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Service;

/**
 * The tokens of e-mailed sign-in links, in the database so that any node can take a link another
 * node sent. Spring Security's own JDBC store starts a scheduler thread it never stops, which kept a
 * node that failed to start from exiting; this one is cleaned up by the application's periodic jobs.
 * A token is taken with one statement, so two clicks on the same link sign in once.
 */
@Service
public class SignInLinkTokens implements OneTimeTokenService {

    private final JdbcClient db;
    private final Clock clock;

    SignInLinkTokens(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        String token = UUID.randomUUID().toString();
        Instant expiresAt = clock.instant().plus(request.getExpiresIn());
        db.sql("INSERT INTO one_time_tokens (token_value, username, expires_at) VALUES (:token, :username, :expires)")
                .param("token", token)
                .param("username", request.getUsername())
                .param("expires", Timestamp.from(expiresAt))
                .update();
        return new DefaultOneTimeToken(token, request.getUsername(), expiresAt);
    }

    @Override
    public @Nullable OneTimeToken consume(OneTimeTokenAuthenticationToken authentication) {
        String token = authentication.getTokenValue();
        if (token == null || token.length() > 36) {
            return null;
        }
        return db.sql("DELETE FROM one_time_tokens WHERE token_value = :token RETURNING username, expires_at")
                .param("token", token)
                .query((rs, n) -> new DefaultOneTimeToken(
                        token,
                        rs.getString("username"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional()
                .filter(taken -> taken.getExpiresAt().isAfter(clock.instant()))
                .orElse(null);
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void forgetExpired() {
        db.sql("DELETE FROM one_time_tokens WHERE expires_at < :now")
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
