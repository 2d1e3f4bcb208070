package org.masthead.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.AccountDeleted;
import org.masthead.accounts.Role;
import org.masthead.accounts.internal.AccountRepository.AccountRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting an account at its owner's request. Personal data is erased at once, in one transaction;
 * the row itself stays, as "a former reader" with no address, name, password or roles, so that
 * the comments that stay in the conversations still have an author to point at.
 */
@Service
public class AccountDeletions {

    /** What an account without a password types to confirm. */
    public static final String CONFIRMATION_WORD = "DELETE";

    /** The deletion did not go ahead: the reader did not confirm it. */
    public static class NotConfirmedException extends RuntimeException {

        private final String field;

        NotConfirmedException(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The form field the reader should look at. */
        public String field() {
            return field;
        }
    }

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AccountSessions sessions;
    private final ApplicationEventPublisher events;
    private final JdbcClient db;
    private final Clock clock;

    AccountDeletions(
            AccountRepository accounts,
            PasswordEncoder encoder,
            AccountSessions sessions,
            ApplicationEventPublisher events,
            JdbcClient db,
            Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.sessions = sessions;
        this.events = events;
        this.db = db;
        this.clock = clock;
    }

    /** Whether the owner confirms with their password, or (having none) by typing {@link #CONFIRMATION_WORD}. */
    @Transactional(readOnly = true)
    public boolean confirmsWithPassword(long accountId) {
        return accounts.byId(accountId)
                .filter(row -> row.passwordHash() != null)
                .isPresent();
    }

    public static final String LAST_ADMIN = "You are the site's only admin. Make another account an admin on the"
            + " admin pages first, so that someone can still run the site.";

    /** Whether this is the only active account that holds the Admin role: it may not be deleted. */
    @Transactional(readOnly = true)
    public boolean isLastAdmin(long accountId) {
        List<Long> admins = accounts.withRole(Role.ADMIN);
        return admins.contains(accountId)
                && admins.stream().filter(id -> id != accountId).noneMatch(id -> accounts.byId(id)
                        .filter(AccountRow::active)
                        .isPresent());
    }

    /**
     * Erases the account's personal data, signs it out everywhere and tells other modules.
     *
     * @param password the account's current password, which an account that has one must give
     * @param typed what the owner typed to confirm, for an account without a password
     * @throws NotConfirmedException when the password is wrong or the word was not typed, or the account is
     *     the site's only admin
     */
    @Transactional
    public void delete(long accountId, @Nullable String password, @Nullable String typed) {
        AccountRow account = accounts.byId(accountId)
                .filter(row -> !row.status().equals("DELETED"))
                .orElseThrow(() -> new NotConfirmedException("password", "This account is already deleted."));
        String hash = account.passwordHash();
        if (isLastAdmin(accountId)) {
            throw new NotConfirmedException(hash != null ? "password" : "confirm", LAST_ADMIN);
        }
        if (hash != null) {
            if (password == null || password.isEmpty()) {
                throw new NotConfirmedException("password", "Enter your password to confirm.");
            }
            if (!encoder.matches(password, hash)) {
                throw new NotConfirmedException("password", "That is not your password. Try again.");
            }
        } else if (typed == null || !typed.strip().toUpperCase(Locale.ROOT).equals(CONFIRMATION_WORD)) {
            throw new NotConfirmedException("confirm", "Type " + CONFIRMATION_WORD + " to confirm.");
        }
        erase(accountId, account.email());
        // Its owner did it: the admins' log of the account says so, with nothing of what was erased.
        db.sql(
                        "INSERT INTO audit_log (actor_id, subject_id, action, detail, at) VALUES (:id, :id, 'ACCOUNT_DELETED', '', :at)")
                .param("id", accountId)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new AccountDeleted(accountId));
        // Each session holds who is signed in, so it would outlive the account: end them all.
        sessions.signOutEverywhereBut(accountId, null);
    }

    private void erase(long accountId, String email) {
        db.sql(
                        """
                        UPDATE account
                        SET email = 'deleted-' || id || '@invalid', email_verified_at = NULL,
                            display_name = :shownAs, password_hash = NULL, bio = '', status = 'DELETED',
                            marketing_consent = false, marketing_consent_at = NULL, profile_updated_at = :now
                        WHERE id = :id""")
                .param("id", accountId)
                .param("shownAs", AccountDeleted.SHOWN_AS)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        db.sql("DELETE FROM account_role WHERE account_id = :id")
                .param("id", accountId)
                .update();
        db.sql("DELETE FROM account_token WHERE account_id = :id")
                .param("id", accountId)
                .update();
        db.sql("DELETE FROM avatar WHERE account_id = :id")
                .param("id", accountId)
                .update();
        // Signing in with the same provider again then starts afresh, rather than finding this account.
        db.sql("DELETE FROM external_identity WHERE account_id = :id")
                .param("id", accountId)
                .update();
        // Sign-in links are kept by address: one still valid would open a new account at the address.
        db.sql("DELETE FROM one_time_tokens WHERE lower(username) = lower(:email)")
                .param("email", email)
                .update();
        // Passkeys are named by account id; their credentials go with them (ON DELETE CASCADE).
        db.sql("DELETE FROM user_entities WHERE name = :name")
                .param("name", String.valueOf(accountId))
                .update();
    }
}
