package org.masthead.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.ProfileChanged;
import org.masthead.accounts.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to other people's accounts: grant and revoke staff roles, disable and re-enable.
 * Each change and its audit-log row are written in one transaction, so the log never misses a change
 * nor records one that did not happen.
 */
@Service
public class AccountAdministration {

    /** The roles an admin can grant; every account is a reader anyway. */
    public static final Set<Role> GRANTABLE = Set.of(Role.JOURNALIST, Role.EDITOR, Role.MODERATOR, Role.ADMIN);

    /** One line of the audit log, with the actor's name for people to read. */
    public record AuditEntry(
            long id, @Nullable Long actorId, @Nullable String actorName, String action, String detail, Instant at) {

        /** What was done, as an admin reads it: the stored action and detail are codes. */
        public String said() {
            return switch (action) {
                case "ROLE_GRANTED" -> "Granted the role " + roleName(detail);
                case "ROLE_REVOKED" -> "Revoked the role " + roleName(detail);
                case "ACCOUNT_DISABLED" -> "Disabled the account";
                case "ACCOUNT_ENABLED" -> "Re-enabled the account";
                case "ACCOUNT_DELETED" -> "Deleted the account: its personal data is erased";
                default -> detail.isEmpty() ? action : action + " " + detail;
            };
        }

        private static String roleName(String stored) {
            try {
                return Role.valueOf(stored).displayName();
            } catch (IllegalArgumentException e) {
                // A role since dropped from the code still reads as it was written.
                return stored;
            }
        }
    }

    /** What became of a request: done, nothing to do, refused, or no such account. */
    public enum Result {
        DONE,
        UNCHANGED,
        REFUSED,
        NOT_FOUND
    }

    /** The result and a sentence for the admin who asked. */
    public record Outcome(Result result, String message) {}

    private final AccountRepository accounts;
    private final JdbcClient db;
    private final AccountSessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountAdministration(
            AccountRepository accounts,
            JdbcClient db,
            AccountSessions sessions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.db = db;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Accounts whose address or display name contains the query, whatever its case, newest first.
     * Paged by id, which grows with every new account, so a page never repeats or skips a row.
     */
    @Transactional(readOnly = true)
    public List<AccountRepository.AccountRow> search(@Nullable String query, @Nullable Long before, int limit) {
        return accounts.search(query == null ? "" : query.strip(), before, limit);
    }

    @Transactional(readOnly = true)
    public Optional<AccountRepository.AccountRow> account(long id) {
        return accounts.byId(id);
    }

    /** What has been done to this account, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> auditLog(long subjectId) {
        return db.sql(
                        """
                        SELECT l.id, l.actor_id, a.display_name AS actor_name, l.action, l.detail, l.at
                        FROM audit_log l LEFT JOIN account a ON a.id = l.actor_id
                        WHERE l.subject_id = :id ORDER BY l.at DESC, l.id DESC LIMIT 200""")
                .param("id", subjectId)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getObject("actor_id", Long.class),
                        rs.getString("actor_name"),
                        rs.getString("action"),
                        rs.getString("detail"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    @Transactional
    public Outcome grant(long actorId, long subjectId, Role role) {
        Optional<AccountRepository.AccountRow> subject = lockedAccount(subjectId);
        if (subject.isEmpty()) {
            return notFound();
        }
        if (!GRANTABLE.contains(role)) {
            return new Outcome(Result.REFUSED, "Only staff roles can be granted.");
        }
        if (subject.get().status().equals("DELETED")) {
            return new Outcome(Result.REFUSED, "This account was deleted: it can hold no role.");
        }
        if (!accounts.grant(subjectId, role)) {
            return new Outcome(
                    Result.UNCHANGED, name(subject.get()) + " already holds the role " + role.displayName() + ".");
        }
        audit(actorId, subjectId, "ROLE_GRANTED", role.name());
        return new Outcome(Result.DONE, name(subject.get()) + " now holds the role " + role.displayName() + ".");
    }

    /** Also signs the account out everywhere, so a role taken away stops working at once. */
    @Transactional
    public Outcome revoke(long actorId, long subjectId, Role role) {
        Optional<AccountRepository.AccountRow> subject = lockedAccount(subjectId);
        if (subject.isEmpty()) {
            return notFound();
        }
        if (actorId == subjectId && role == Role.ADMIN) {
            // Otherwise the last admin could lock everyone out of the admin pages.
            return new Outcome(Result.REFUSED, "You cannot take away your own Admin role. Ask another admin.");
        }
        if (!accounts.revoke(subjectId, role)) {
            return new Outcome(
                    Result.UNCHANGED, name(subject.get()) + " does not hold the role " + role.displayName() + ".");
        }
        audit(actorId, subjectId, "ROLE_REVOKED", role.name());
        sessions.signOutEverywhereBut(subjectId, null);
        return new Outcome(
                Result.DONE,
                name(subject.get()) + " no longer holds the role " + role.displayName()
                        + " and has been signed out everywhere.");
    }

    /** Disables the account and ends all its sessions: it cannot sign in until re-enabled. */
    @Transactional
    public Outcome disable(long actorId, long subjectId) {
        Optional<AccountRepository.AccountRow> subject = lockedAccount(subjectId);
        if (subject.isEmpty()) {
            return notFound();
        }
        if (actorId == subjectId) {
            return new Outcome(Result.REFUSED, "You cannot disable your own account. Ask another admin.");
        }
        if (!accounts.changeStatus(subjectId, "ACTIVE", "DISABLED")) {
            return new Outcome(Result.UNCHANGED, name(subject.get()) + " is not active, so nothing changed.");
        }
        audit(actorId, subjectId, "ACCOUNT_DISABLED", "");
        sessions.signOutEverywhereBut(subjectId, null);
        // A disabled account's public profile disappears; the cached page must go too.
        events.publishEvent(new ProfileChanged(subjectId));
        return new Outcome(Result.DONE, name(subject.get()) + " is disabled and has been signed out everywhere.");
    }

    @Transactional
    public Outcome enable(long actorId, long subjectId) {
        Optional<AccountRepository.AccountRow> subject = lockedAccount(subjectId);
        if (subject.isEmpty()) {
            return notFound();
        }
        if (!accounts.changeStatus(subjectId, "DISABLED", "ACTIVE")) {
            return new Outcome(Result.UNCHANGED, name(subject.get()) + " is not disabled, so nothing changed.");
        }
        audit(actorId, subjectId, "ACCOUNT_ENABLED", "");
        events.publishEvent(new ProfileChanged(subjectId));
        return new Outcome(Result.DONE, name(subject.get()) + " can sign in again.");
    }

    /** Locks the row so two admins acting at once are applied, and logged, one after the other. */
    private Optional<AccountRepository.AccountRow> lockedAccount(long id) {
        boolean exists = db.sql("SELECT id FROM account WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Long.class)
                .optional()
                .isPresent();
        return exists ? accounts.byId(id) : Optional.empty();
    }

    private void audit(long actorId, long subjectId, String action, String detail) {
        db.sql(
                        "INSERT INTO audit_log (actor_id, subject_id, action, detail, at) VALUES (:actor, :subject, :action, :detail, :at)")
                .param("actor", actorId)
                .param("subject", subjectId)
                .param("action", action)
                .param("detail", detail)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    private static Outcome notFound() {
        return new Outcome(Result.NOT_FOUND, "No such account.");
    }

    private static String name(AccountRepository.AccountRow account) {
        return account.displayName();
    }
}
