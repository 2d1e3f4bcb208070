package org.masthead.accounts.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Bylines;
import org.masthead.accounts.internal.AccountRepository.AccountRow;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which account someone signing in through an OpenID Connect provider gets. The provider's
 * (issuer, subject) pair is the link, since addresses and names change; the first time, an address
 * the provider vouches for joins an existing account, and otherwise a new account is made.
 */
@Service
public class OidcAccounts {

    /** What the provider told us about the person. */
    public record ProviderIdentity(
            String issuer,
            String subject,
            @Nullable String email,
            boolean emailVerified,
            @Nullable String name,
            @Nullable String preferredUsername) {}

    /** The account exists but may not sign in: disabled or deleted. */
    public static final class AccountUnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        AccountUnavailableException() {
            super("The account may not sign in");
        }
    }

    /** Stands in when the provider gives nothing usable as a name. */
    static final String FALLBACK_NAME = "Reader";

    private final JdbcClient db;
    private final AccountRepository accounts;
    private final Clock clock;
    private final ObjectProvider<Bylines> bylines;

    OidcAccounts(JdbcClient db, AccountRepository accounts, Clock clock, ObjectProvider<Bylines> bylines) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
        this.bylines = bylines;
    }

    /**
     * The active account for this identity, linked or made now.
     *
     * @throws AccountUnavailableException when that account is disabled or deleted
     */
    @Transactional
    public AccountRow signIn(ProviderIdentity identity) {
        Instant now = clock.instant();
        Optional<Long> linked = linkedAccount(identity.issuer(), identity.subject());
        long accountId;
        if (linked.isPresent()) {
            accountId = linked.get();
            touch(identity, now);
        } else {
            // Only an address the provider has verified may join an existing account: anyone can
            // type someone else's address into a provider that does not check it.
            Optional<AccountRow> byAddress = identity.emailVerified() && identity.email() != null
                    ? accounts.byEmail(identity.email())
                    : Optional.empty();
            if (byAddress.isPresent() && !byAddress.get().active()) {
                throw new AccountUnavailableException();
            }
            accountId = byAddress.map(AccountRow::id).orElseGet(() -> create(identity, now));
            if (byAddress.isPresent()) {
                accounts.markVerified(accountId, now);
            }
            db.sql(
                            """
                            INSERT INTO external_identity (issuer, subject, account_id, created_at, last_used_at)
                            VALUES (:issuer, :subject, :account, :now, :now)""")
                    .param("issuer", identity.issuer())
                    .param("subject", identity.subject())
                    .param("account", accountId)
                    .param("now", Timestamp.from(now))
                    .update();
        }
        return accounts.byId(accountId).filter(AccountRow::active).orElseThrow(AccountUnavailableException::new);
    }

    private Optional<Long> linkedAccount(String issuer, String subject) {
        return db.sql("SELECT account_id FROM external_identity WHERE issuer = :issuer AND subject = :subject")
                .param("issuer", issuer)
                .param("subject", subject)
                .query(Long.class)
                .optional();
    }

    private void touch(ProviderIdentity identity, Instant now) {
        db.sql("UPDATE external_identity SET last_used_at = :now WHERE issuer = :issuer AND subject = :subject")
                .param("issuer", identity.issuer())
                .param("subject", identity.subject())
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * A new account without a password. It takes the provider's address when that is free; verified
     * only when the provider says it checked the address. When the address is missing or belongs to
     * someone else the account gets a placeholder under the reserved ".invalid" domain, which never
     * receives mail, until the reader changes it.
     */
    private long create(ProviderIdentity identity, Instant now) {
        String email = identity.email();
        boolean usable =
                email != null && !email.isBlank() && accounts.byEmail(email).isEmpty();
        String address = usable ? email.strip() : "oidc-" + UUID.randomUUID() + "@accounts.invalid";
        boolean verified = usable && identity.emailVerified();
        return db.sql(
                        """
                        INSERT INTO account (email, email_verified_at, display_name, created_at)
                        VALUES (:email, :verifiedAt, :name, :now) RETURNING id""")
                .param("email", address)
                .param("verifiedAt", verified ? Timestamp.from(now) : null, Types.TIMESTAMP)
                .param("name", uniqueName(identity))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    private String uniqueName(ProviderIdentity identity) {
        String email = identity.email();
        String base =
                baseName(identity.name(), identity.preferredUsername(), email == null ? null : email.split("@", 2)[0]);
        if (free(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = " " + n;
            String candidate = trim(truncate(base, DisplayNames.MAX_LENGTH - suffix.length())) + suffix;
            if (free(candidate)) {
                return candidate;
            }
        }
    }

    /** A reader's name from a provider is held to the rules of one typed at registration, bylines included. */
    private boolean free(String name) {
        return DisplayNames.problemWith(name).isEmpty()
                && !accounts.displayNameTaken(name)
                && bylines.stream().noneMatch(known -> known.isByline(name));
    }

    /**
     * The first of the offered names that can be made to fit the display-name rules: disallowed
     * characters become spaces, and the ends must be letters or digits. Too short a name is kept to be
     * numbered by {@link #uniqueName}, unless nothing is left at all.
     */
    static String baseName(@Nullable String... offered) {
        String shortOne = null;
        for (String raw : Arrays.stream(offered).filter(Objects::nonNull).toList()) {
            String cleaned = trim(truncate(clean(raw), DisplayNames.MAX_LENGTH));
            if (cleaned.codePointCount(0, cleaned.length()) >= DisplayNames.MIN_LENGTH) {
                return cleaned;
            }
            if (shortOne == null && !cleaned.isEmpty()) {
                shortOne = cleaned;
            }
        }
        return shortOne != null ? shortOne : FALLBACK_NAME;
    }

    private static String clean(String raw) {
        String composed = Normalizer.normalize(raw, Normalizer.Form.NFC);
        return DisplayNames.normalise(composed.replaceAll("[^\\p{L}\\p{N} ._'-]", " "));
    }

    /** Without leading or trailing punctuation or spaces, which the rules forbid at the ends. */
    private static String trim(String name) {
        return name.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
    }

    private static String truncate(String name, int codePoints) {
        return name.codePointCount(0, name.length()) <= codePoints
                ? name
                : name.substring(0, name.offsetByCodePoints(0, codePoints));
    }
}
