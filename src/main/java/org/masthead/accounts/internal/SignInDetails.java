package org.masthead.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.masthead.accounts.internal.AccountRepository.AccountRow;
import org.masthead.accounts.internal.AccountTokens.Purpose;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing what a signed-in reader signs in with, their password or their e-mail address. Both ask for
 * the current password, so that a session left open on a shared computer cannot take the account.
 */
@Service
public class SignInDetails {

    static final Duration EMAIL_CHANGE_VALID_FOR = Duration.ofHours(48);

    private static final String WRONG_PASSWORD = "That is not your current password.";

    private final AccountRepository accounts;
    private final AccountTokens tokens;
    private final PasswordPolicy passwords;
    private final PasswordEncoder encoder;
    private final AccountSessions sessions;
    private final AccountMail mail;
    private final Clock clock;

    SignInDetails(
            AccountRepository accounts,
            AccountTokens tokens,
            PasswordPolicy passwords,
            PasswordEncoder encoder,
            AccountSessions sessions,
            AccountMail mail,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.encoder = encoder;
        this.sessions = sessions;
        this.mail = mail;
        this.clock = clock;
    }

    /** Why this would not do as the account's new password; empty when it would. */
    @Transactional(readOnly = true)
    public Optional<String> problemWithNewPassword(long accountId, String newPassword) {
        AccountRow account = accounts.byId(accountId).orElseThrow();
        return passwords.problemForAccount(newPassword, account.email(), account.displayName());
    }

    /**
     * Sets a new password and signs the account out of every session but the one with this id.
     *
     * @throws AccountChangeRejectedException when the current password is wrong or the new one is not
     *     acceptable
     */
    @Transactional
    public void changePassword(long accountId, String currentPassword, String newPassword, String keptSessionId) {
        AccountRow account = accounts.byId(accountId).orElseThrow();
        Map<String, String> problems = new LinkedHashMap<>();
        if (!isPassword(account, currentPassword)) {
            problems.put("currentPassword", WRONG_PASSWORD);
        } else if (newPassword.equals(currentPassword)) {
            // Said only to whoever knows the password: it would otherwise tell a guesser theirs was right.
            problems.put("newPassword", "Your new password must be different from your current one.");
        }
        if (!problems.containsKey("newPassword")) {
            passwords
                    .problemForAccount(newPassword, account.email(), account.displayName())
                    .ifPresent(problem -> problems.put("newPassword", problem));
        }
        if (!problems.isEmpty()) {
            throw new AccountChangeRejectedException(problems);
        }
        accounts.changePassword(accountId, encoder.encode(newPassword));
        // A reset link asked for earlier would otherwise undo the change.
        tokens.spendAll(accountId, Purpose.RESET_PASSWORD);
        sessions.signOutEverywhereBut(accountId, keptSessionId);
        mail.passwordChanged(account.email(), account.displayName());
    }

    /**
     * Sends a link to the new address that moves the account there, and tells the current address.
     * When the new address belongs to another account, its owner is told instead and nothing changes;
     * the caller cannot tell the two apart.
     *
     * @throws AccountChangeRejectedException when the current password is wrong or the address is
     *     already the account's
     */
    @Transactional
    public void requestEmailChange(long accountId, String currentPassword, String newEmail) {
        AccountRow account = accounts.byId(accountId).orElseThrow();
        String email = newEmail.strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (email.equalsIgnoreCase(account.email())) {
            problems.put("email", "That is already your address. Enter the new one.");
        }
        if (!isPassword(account, currentPassword)) {
            problems.put("currentPassword", WRONG_PASSWORD);
        }
        if (!problems.isEmpty()) {
            throw new AccountChangeRejectedException(problems);
        }
        Optional<AccountRow> owner = accounts.byEmail(email);
        if (owner.isPresent()) {
            mail.addressInUse(owner.get().email());
        } else {
            // Only the latest request counts: a link to an address given up on should stop working.
            tokens.spendAll(accountId, Purpose.CHANGE_EMAIL);
            String token = tokens.issue(accountId, Purpose.CHANGE_EMAIL, email, EMAIL_CHANGE_VALID_FOR);
            mail.confirmEmailChange(email, account.displayName(), token);
        }
        mail.emailChangeRequested(account.email(), account.displayName(), email);
    }

    /** The address the link would move its account to, while the link works. Opening it spends nothing. */
    @Transactional(readOnly = true)
    public Optional<String> pendingEmailChange(String token) {
        return tokens.check(token, Purpose.CHANGE_EMAIL)
                .filter(valid -> accounts.byId(valid.accountId())
                        .filter(AccountRow::active)
                        .isPresent())
                .map(AccountTokens.Redeemed::detail);
    }

    /** An account's address, changed: which account, and its new address. */
    public record EmailChanged(long accountId, String email) {}

    /**
     * Moves the account to the address the link was sent to, which is thereby confirmed. Links sent to
     * the old address, such as for a password reset, stop working.
     *
     * @throws LinkNotValidException when the link is unknown, used or expired, or the address has
     *     since been taken by another account
     */
    @Transactional
    public EmailChanged confirmEmailChange(String token) {
        AccountTokens.Redeemed redeemed =
                tokens.redeem(token, Purpose.CHANGE_EMAIL).orElseThrow(LinkNotValidException::new);
        AccountRow account =
                accounts.byId(redeemed.accountId()).filter(AccountRow::active).orElseThrow(LinkNotValidException::new);
        String email = redeemed.detail();
        if (accounts.byEmail(email).filter(other -> other.id() != account.id()).isPresent()) {
            throw new LinkNotValidException();
        }
        try {
            accounts.changeEmail(account.id(), email, clock.instant());
        } catch (DuplicateKeyException raced) {
            // Someone registered the address a moment ago.
            throw new LinkNotValidException();
        }
        for (Purpose purpose : Purpose.values()) {
            tokens.spendAll(account.id(), purpose);
        }
        return new EmailChanged(account.id(), email);
    }

    private boolean isPassword(AccountRow account, String password) {
        String hash = account.passwordHash();
        return hash != null && encoder.matches(password, hash);
    }
}
