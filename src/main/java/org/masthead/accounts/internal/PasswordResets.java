package org.masthead.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.internal.AccountRepository.AccountRow;
import org.masthead.accounts.internal.AccountTokens.Purpose;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Choosing a new password from a link sent by e-mail. Whether an address has an account is never
 * revealed to whoever asks for the link.
 */
@Service
public class PasswordResets {

    static final Duration VALID_FOR = Duration.ofHours(1);

    private final AccountRepository accounts;
    private final AccountTokens tokens;
    private final PasswordPolicy passwords;
    private final PasswordEncoder encoder;
    private final AccountSessions sessions;
    private final AccountMail mail;
    private final Clock clock;

    PasswordResets(
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

    /** Sends a link to choose a new password, if the address has an active account; else nothing. */
    @Transactional
    public void request(String email) {
        Optional<AccountRow> account = accounts.byEmail(email.strip()).filter(AccountRow::active);
        if (account.isEmpty()) {
            // Do the costly part of the real thing, so the answer takes about as long and gives nothing away.
            mail.rehearseResetPassword(tokens.unsaved());
            return;
        }
        AccountRow found = account.get();
        String token = tokens.issue(found.id(), Purpose.RESET_PASSWORD, found.email(), VALID_FOR);
        mail.resetPassword(found.email(), found.displayName(), token);
    }

    /** Whether the link still works. Opening it spends nothing: mail scanners open links too. */
    @Transactional(readOnly = true)
    public boolean isValid(String token) {
        return account(token).isPresent();
    }

    /**
     * Sets the new password, spends the link (with any other reset link, and any change of address
     * not yet confirmed), and signs the account out of every session but the one with this id.
     *
     * @throws LinkNotValidException when the link is unknown, used or expired
     * @throws AccountChangeRejectedException when the password is not acceptable; the link still works
     */
    @Transactional
    public void reset(String token, String newPassword, @Nullable String keptSessionId) {
        AccountRow account = account(token).orElseThrow(LinkNotValidException::new);
        passwords
                .problemForAccount(newPassword, account.email(), account.displayName())
                .ifPresent(problem -> {
                    throw new AccountChangeRejectedException(Map.of("password", problem));
                });
        AccountTokens.Redeemed redeemed =
                tokens.redeem(token, Purpose.RESET_PASSWORD).orElseThrow(LinkNotValidException::new);
        accounts.changePassword(account.id(), encoder.encode(newPassword));
        if (redeemed.detail().equalsIgnoreCase(account.email())) {
            // The link reached its reader at this address, which proves as much as a confirmation link.
            accounts.markVerified(account.id(), clock.instant());
        }
        tokens.spendAll(account.id(), Purpose.RESET_PASSWORD);
        // Whoever knew the old password may have asked to move the account to their own address.
        tokens.spendAll(account.id(), Purpose.CHANGE_EMAIL);
        sessions.signOutEverywhereBut(account.id(), keptSessionId);
        mail.passwordChanged(account.email(), account.displayName());
    }

    private Optional<AccountRow> account(String token) {
        return tokens.check(token, Purpose.RESET_PASSWORD)
                .flatMap(valid -> accounts.byId(valid.accountId()))
                .filter(AccountRow::active);
    }
}
