package org.masthead.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.AccountDeleted;
import org.masthead.accounts.PublicReader;
import org.masthead.accounts.Role;
import org.masthead.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    /** One account row with its roles. */
    public record AccountRow(
            long id,
            String email,
            @Nullable Instant emailVerifiedAt,
            String displayName,
            @Nullable String passwordHash,
            String bio,
            String status,
            boolean marketingConsent,
            @Nullable Instant marketingConsentAt,
            Instant createdAt,
            Set<Role> roles) {

        public boolean verified() {
            return emailVerifiedAt != null;
        }

        /** The roles as an admin reads them (see {@link Role#describe}). */
        public String rolesShown() {
            return Role.describe(roles);
        }

        public boolean active() {
            return status.equals("ACTIVE");
        }
    }

    private static final String SELECT =
            """
            SELECT a.id, a.email, a.email_verified_at, a.display_name, a.password_hash, a.bio, a.status,
                   a.marketing_consent, a.marketing_consent_at, a.created_at,
                   (SELECT string_agg(r.role, ',') FROM account_role r WHERE r.account_id = a.id) AS roles
            FROM account a""";

    private final JdbcClient db;

    AccountRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(String email, String displayName, String passwordHash, boolean marketingConsent, Instant now) {
        return db.sql(
                        """
                        INSERT INTO account (email, display_name, password_hash, marketing_consent, marketing_consent_at, created_at)
                        VALUES (:email, :name, :hash, :consent, :consentAt, :now) RETURNING id""")
                .param("email", email)
                .param("name", displayName)
                .param("hash", passwordHash)
                .param("consent", marketingConsent)
                .param("consentAt", Timestamp.from(now))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public Optional<AccountRow> byId(long id) {
        return db.sql(SELECT + " WHERE a.id = :id")
                .param("id", id)
                .query(AccountRepository::toRow)
                .optional();
    }

    /** Whether the account is active and its address confirmed; false for one that does not exist. */
    public boolean activeAndVerified(long id) {
        return db.sql(
                        """
                        SELECT EXISTS (SELECT 1 FROM account
                                       WHERE id = :id AND status = 'ACTIVE' AND email_verified_at IS NOT NULL)""")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** The live account with this address, whatever its case. */
    public Optional<AccountRow> byEmail(String email) {
        return db.sql(SELECT + " WHERE lower(a.email) = lower(:email) AND a.status <> 'DELETED'")
                .param("email", email)
                .query(AccountRepository::toRow)
                .optional();
    }

    public Optional<AccountRow> byDisplayName(String displayName) {
        return db.sql(SELECT + " WHERE lower(a.display_name) = lower(:name) AND a.status <> 'DELETED'")
                .param("name", displayName)
                .query(AccountRepository::toRow)
                .optional();
    }

    /** What other readers see of these accounts, by id; ids with no account are absent. */
    public Set<Long> activeAndVerified(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.sql(
                        """
                        SELECT id FROM account
                        WHERE id IN (:ids) AND status = 'ACTIVE' AND email_verified_at IS NOT NULL""")
                .param("ids", ids)
                .query(Long.class)
                .list());
    }

    public Map<Long, PublicReader> publicReaders(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, PublicReader> readers = new HashMap<>();
        db.sql(
                        """
                        SELECT a.id, a.display_name, a.status,
                               (SELECT max(v.version) FROM avatar v WHERE v.account_id = a.id) AS avatar_version,
                               (SELECT string_agg(r.role, ',') FROM account_role r WHERE r.account_id = a.id) AS roles
                        FROM account a WHERE a.id IN (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> {
                    boolean deleted = rs.getString("status").equals("DELETED");
                    return new PublicReader(
                            rs.getLong("id"),
                            deleted ? AccountDeleted.SHOWN_AS : rs.getString("display_name"),
                            deleted ? null : rs.getObject("avatar_version", Long.class),
                            deleted ? Set.of() : roles(rs.getString("roles")),
                            deleted);
                })
                .list()
                .forEach(reader -> readers.put(reader.id(), reader));
        return readers;
    }

    /** The ids of active accounts going by these names, whatever their case, keyed by the lower-cased name. */
    public Map<String, Long> activeIdsByDisplayName(Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> ids = new HashMap<>();
        db.sql(
                        """
                        SELECT lower(display_name) AS name, id FROM account
                        WHERE lower(display_name) IN (:names) AND status = 'ACTIVE'""")
                .param(
                        "names",
                        names.stream()
                                .map(name -> name.toLowerCase(Locale.ROOT))
                                .toList())
                .query((rs, n) -> Map.entry(rs.getString("name"), rs.getLong("id")))
                .list()
                .forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
        return ids;
    }

    public boolean displayNameTaken(String displayName) {
        return db.sql(
                        "SELECT EXISTS (SELECT 1 FROM account WHERE lower(display_name) = lower(:name) AND status <> 'DELETED')")
                .param("name", displayName)
                .query(Boolean.class)
                .single();
    }

    public void changePassword(long id, String passwordHash) {
        db.sql("UPDATE account SET password_hash = :hash WHERE id = :id")
                .param("id", id)
                .param("hash", passwordHash)
                .update();
    }

    /** Moves the account to an address its owner has just confirmed. */
    public void changeEmail(long id, String email, Instant verifiedAt) {
        db.sql("UPDATE account SET email = :email, email_verified_at = :at WHERE id = :id")
                .param("id", id)
                .param("email", email)
                .param("at", Timestamp.from(verifiedAt))
                .update();
    }

    public void markVerified(long id, Instant at) {
        db.sql("UPDATE account SET email_verified_at = coalesce(email_verified_at, :at) WHERE id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Whether the role was new to the account. */
    public boolean grant(long id, Role role) {
        return db.sql("INSERT INTO account_role (account_id, role) VALUES (:id, :role) ON CONFLICT DO NOTHING")
                        .param("id", id)
                        .param("role", role.name())
                        .update()
                > 0;
    }

    /** Whether the account held the role. */
    public boolean revoke(long id, Role role) {
        return db.sql("DELETE FROM account_role WHERE account_id = :id AND role = :role")
                        .param("id", id)
                        .param("role", role.name())
                        .update()
                > 0;
    }

    /** Moves the account from one status to another; false when it was not in the first. */
    public boolean changeStatus(long id, String from, String to) {
        return db.sql("UPDATE account SET status = :to WHERE id = :id AND status = :from")
                        .param("id", id)
                        .param("from", from)
                        .param("to", to)
                        .update()
                > 0;
    }

    /**
     * Accounts whose address or display name contains the text, whatever its case, newest first and
     * older than {@code before} when given. strpos, not LIKE, so a % or _ in the text is just a character.
     */
    public List<AccountRow> search(String text, @Nullable Long before, int limit) {
        return db.sql(
                        SELECT + "\n"
                                + """
                         WHERE (:text = '' OR strpos(lower(a.email), lower(:text)) > 0
                                OR strpos(lower(a.display_name), lower(:text)) > 0)
                           AND a.id < :before
                         ORDER BY a.id DESC LIMIT :limit""")
                .param("text", text)
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", limit)
                .query(AccountRepository::toRow)
                .list();
    }

    public List<Long> withRole(Role role) {
        return db.sql("SELECT account_id FROM account_role WHERE role = :role")
                .param("role", role.name())
                .query(Long.class)
                .list();
    }

    private static Set<Role> roles(@Nullable String granted) {
        Set<Role> roles = EnumSet.of(Role.READER);
        if (granted != null) {
            for (String role : granted.split(",")) {
                roles.add(Role.valueOf(role));
            }
        }
        return roles;
    }

    private static AccountRow toRow(ResultSet rs, int n) throws SQLException {
        Set<Role> roles = roles(rs.getString("roles"));
        return new AccountRow(
                rs.getLong("id"),
                rs.getString("email"),
                Sql.instant(rs, "email_verified_at"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                rs.getString("bio"),
                rs.getString("status"),
                rs.getBoolean("marketing_consent"),
                Sql.instant(rs, "marketing_consent_at"),
                rs.getTimestamp("created_at").toInstant(),
                roles);
    }
}
