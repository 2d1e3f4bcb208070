package org.masthead.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring tokens for links sent by e-mail. The link carries 256 random bits; the
 * database keeps only their SHA-256, so a leaked table opens no accounts.
 */
@Component
public class AccountTokens {

    /** What a token was issued for; a token only ever works for its own purpose. */
    public enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD,
        /** Moves the account to the address in the token's detail. */
        CHANGE_EMAIL,
        /** In every marketing mail; it stays valid after use, as people click twice. */
        UNSUBSCRIBE
    }

    /** A token that was valid (and, once redeemed, is spent). */
    public record Redeemed(long accountId, String detail) {}

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient db;
    private final Clock clock;

    AccountTokens(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Issues a token and returns it, to be put in a link; only its hash is stored. */
    public String issue(long accountId, Purpose purpose, String detail, Duration validFor) {
        String token = unsaved();
        db.sql(
                        """
                        INSERT INTO account_token (token_hash, account_id, purpose, detail, expires_at)
                        VALUES (:hash, :account, :purpose, :detail, :expires)""")
                .param("hash", hash(token))
                .param("account", accountId)
                .param("purpose", purpose.name())
                .param("detail", detail)
                .param("expires", Timestamp.from(clock.instant().plus(validFor)))
                .update();
        return token;
    }

    /** Spends the token if it exists, is for this purpose, is unused and has not expired. */
    public Optional<Redeemed> redeem(String token, Purpose purpose) {
        return db.sql(
                        """
                        UPDATE account_token SET used_at = :now
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
                        RETURNING account_id, detail""")
                .param("now", Timestamp.from(clock.instant()))
                .param("hash", hash(token))
                .param("purpose", purpose.name())
                .query((rs, n) -> new Redeemed(rs.getLong("account_id"), rs.getString("detail")))
                .optional();
    }

    /** Who a token that was already spent, and has not expired, was for: for links that may be opened twice. */
    public Optional<Redeemed> spent(String token, Purpose purpose) {
        return db.sql(
                        """
                        SELECT account_id, detail FROM account_token
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NOT NULL AND expires_at > :now""")
                .param("now", Timestamp.from(clock.instant()))
                .param("hash", hash(token))
                .param("purpose", purpose.name())
                .query((rs, n) -> new Redeemed(rs.getLong("account_id"), rs.getString("detail")))
                .optional();
    }

    /**
     * A token made and hashed as {@link #issue} does, but stored nowhere, so it opens nothing: for
     * answers that must take as long as a real one.
     */
    public String unsaved() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        hash(token);
        return token;
    }

    /**
     * What {@link #redeem} would return now, without spending the token: for pages that a link opens,
     * since mail scanners fetch links before their reader does.
     */
    public Optional<Redeemed> check(String token, Purpose purpose) {
        return db.sql(
                        """
                        SELECT account_id, detail FROM account_token
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
                .param("now", Timestamp.from(clock.instant()))
                .param("hash", hash(token))
                .param("purpose", purpose.name())
                .query((rs, n) -> new Redeemed(rs.getLong("account_id"), rs.getString("detail")))
                .optional();
    }

    /** Spends every unused token of the account for this purpose, so that older links stop working. */
    public void spendAll(long accountId, Purpose purpose) {
        db.sql(
                        """
                        UPDATE account_token SET used_at = :now
                        WHERE account_id = :account AND purpose = :purpose AND used_at IS NULL""")
                .param("now", Timestamp.from(clock.instant()))
                .param("account", accountId)
                .param("purpose", purpose.name())
                .update();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
