package org.masthead.accounts;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.masthead.accounts.internal.AccountRepository;
import org.masthead.accounts.internal.AccountRepository.AccountRow;
import org.masthead.accounts.internal.MarketingConsent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of, or do to, accounts. */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;

    private final MarketingConsent marketingConsent;

    Accounts(AccountRepository accounts, PasswordEncoder encoder, MarketingConsent marketingConsent, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.marketingConsent = marketingConsent;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<AccountSummary> find(long accountId) {
        return accounts.byId(accountId).map(Accounts::summary);
    }

    /**
     * Whether the account is active and has confirmed its address, as it must be before it may post. One
     * statement, so no transaction of its own: it is asked for every comment posted.
     */
    public boolean isVerified(long accountId) {
        return accounts.activeAndVerified(accountId);
    }

    /** What other readers see of these accounts, by id, in one query; ids with no account are absent. */
    @Transactional(readOnly = true)
    public Map<Long, PublicReader> publicReaders(Collection<Long> accountIds) {
        return accounts.publicReaders(Set.copyOf(accountIds));
    }

    /**
     * The active accounts going by any of these display names, whatever their case, keyed by the name
     * in lower case: for finding who an @mention names.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> activeAccountsNamed(Collection<String> displayNames) {
        return accounts.activeIdsByDisplayName(Set.copyOf(displayNames));
    }

    /** The active accounts holding any of these roles, such as everyone who may work a staff area. */
    @Transactional(readOnly = true)
    public Set<Long> activeWithAnyRole(Collection<Role> roles) {
        Set<Long> found = new java.util.TreeSet<>();
        roles.forEach(role -> found.addAll(accounts.withRole(role)));
        found.removeIf(id -> accounts.byId(id).filter(AccountRow::active).isEmpty());
        return found;
    }

    /**
     * Where to e-mail the account about activity around it, such as replies: only an active account
     * that has confirmed its address has one.
     */
    @Transactional(readOnly = true)
    public Optional<String> emailAddressOf(long accountId) {
        return accounts.byId(accountId)
                .filter(AccountRow::active)
                .filter(AccountRow::verified)
                .map(AccountRow::email);
    }

    /**
     * The address the account signs in with, as it is now, confirmed or not: what a signed-in reader is
     * shown as theirs, and where what they pay for is receipted. Asked for afresh, since a change of
     * address confirmed elsewhere reaches no session's principal.
     */
    @Transactional(readOnly = true)
    public String currentAddressOf(long accountId) {
        return accounts.byId(accountId)
                .map(AccountRow::email)
                .orElseThrow(() -> new IllegalStateException("No account " + accountId));
    }

    /**
     * Those of these accounts that have somewhere to be e-mailed (as {@link #emailAddressOf(long)} says),
     * in one query: for telling many readers at once.
     */
    @Transactional(readOnly = true)
    public Set<Long> reachableByEmail(Collection<Long> accountIds) {
        return accounts.activeAndVerified(Set.copyOf(accountIds));
    }

    /**
     * Makes sure an account with this address exists, confirmed and holding these roles, for staff
     * set up by configuration or demo content. An existing account keeps its password and name.
     *
     * @return the account's id
     */
    @Transactional
    public long ensureAccount(String email, String displayName, String password, Set<Role> roles) {
        long id = accounts.byEmail(email)
                .map(AccountRow::id)
                .orElseGet(() -> accounts.insert(email, displayName, encoder.encode(password), false, clock.instant()));
        accounts.markVerified(id, clock.instant());
        roles.stream().filter(Role::isStaff).forEach(role -> accounts.grant(id, role));
        return id;
    }

    /**
     * The link that takes this account off marketing mail with one click, for the footer and the
     * List-Unsubscribe header of every marketing mail sent to it.
     */
    public String marketingUnsubscribeUrl(long accountId) {
        return marketingConsent.unsubscribeUrl(accountId);
    }

    private static AccountSummary summary(AccountRow row) {
        return new AccountSummary(row.id(), row.displayName(), row.verified(), row.roles(), row.active());
    }
}
