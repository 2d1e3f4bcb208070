package org.masthead.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.AddressVerified;
import org.masthead.accounts.Bylines;
import org.masthead.accounts.internal.AccountTokens.Purpose;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening accounts and confirming their addresses. Whether an address already has an account is
 * never revealed to whoever is registering: the owner of the address is told by e-mail instead.
 */
@Service
public class Registrations {

    static final Duration VERIFICATION_VALID_FOR = Duration.ofHours(48);

    /** What a reader fills in to register. */
    /**
     * @param returnTo where on the site to take the reader once they have confirmed and signed in, if
     *     anywhere in particular: a path the web layer has checked is this site's
     */
    public record NewReader(
            String email, String displayName, String password, boolean marketingConsent, @Nullable String returnTo) {}

    private final AccountRepository accounts;
    private final AccountTokens tokens;
    private final PasswordPolicy passwords;
    private final PasswordEncoder encoder;
    private final AccountMail mail;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<Bylines> bylines;

    Registrations(
            AccountRepository accounts,
            AccountTokens tokens,
            PasswordPolicy passwords,
            PasswordEncoder encoder,
            AccountMail mail,
            Clock clock,
            ApplicationEventPublisher events,
            ObjectProvider<Bylines> bylines) {
        this.bylines = bylines;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.encoder = encoder;
        this.mail = mail;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Opens an account and sends the link that confirms the address; or, when the address is taken,
     * tells its owner by e-mail and changes nothing. Either way the caller sees the same outcome.
     *
     * @throws RegistrationRejectedException when the name or password is not acceptable
     */
    @Transactional
    public void register(NewReader reader) {
        String email = reader.email().strip();
        String displayName = DisplayNames.normalise(reader.displayName());
        Map<String, String> problems = problemsWith(reader);
        if (!problems.isEmpty()) {
            throw new RegistrationRejectedException(problems);
        }
        Optional<AccountRepository.AccountRow> existing = accounts.byEmail(email);
        if (existing.isPresent()) {
            // Hash anyway, so the answer takes as long as a real registration and gives nothing away.
            encoder.encode(reader.password());
            mail.alreadyRegistered(existing.get().email(), reader.returnTo());
            return;
        }
        long id;
        try {
            id = accounts.insert(
                    email, displayName, encoder.encode(reader.password()), reader.marketingConsent(), clock.instant());
        } catch (DuplicateKeyException raced) {
            // Someone took the name, or registered the address, a moment ago.
            throw new RegistrationRejectedException(Map.of("displayName", "That name is taken. Choose another."));
        }
        sendVerification(id, email, displayName, reader.returnTo());
    }

    /**
     * What is wrong with the chosen name and password, by form field; empty when both will do.
     * Whether the address is taken is never among the answers.
     */
    @Transactional(readOnly = true)
    public Map<String, String> problemsWith(NewReader reader) {
        String displayName = DisplayNames.normalise(reader.displayName());
        Map<String, String> problems = new LinkedHashMap<>();
        DisplayNames.problemWith(displayName).ifPresent(problem -> problems.put("displayName", problem));
        if (!problems.containsKey("displayName") && accounts.displayNameTaken(displayName)) {
            problems.put("displayName", "That name is taken. Choose another.");
        }
        if (!problems.containsKey("displayName") && bylines.stream().anyMatch(known -> known.isByline(displayName))) {
            problems.put("displayName", Bylines.TAKEN);
        }
        passwords
                .problemForAccount(reader.password(), reader.email().strip(), displayName)
                .ifPresent(problem -> problems.put("password", problem));
        return problems;
    }

    /** Sends a fresh link that confirms the account's current address. */
    @Transactional
    public void sendVerification(long accountId, String email, String displayName) {
        sendVerification(accountId, email, displayName, null);
    }

    private void sendVerification(long accountId, String email, String displayName, @Nullable String returnTo) {
        String token = tokens.issue(accountId, Purpose.VERIFY_EMAIL, email, VERIFICATION_VALID_FOR);
        mail.verifyAddress(email, displayName, token, returnTo);
    }

    /**
     * Confirms the address the token was sent to, or finds it confirmed by an earlier opening of the same
     * link; empty when the link is unknown or expired, or the address it confirmed has since changed.
     */
    @Transactional
    public Optional<Long> verify(String token) {
        Optional<AccountTokens.Redeemed> redeemed = tokens.redeem(token, Purpose.VERIFY_EMAIL);
        if (redeemed.isEmpty()) {
            // Mail scanners open links before their reader does: an address the link already confirmed is
            // still confirmed when the reader opens it. Confirming proves the mailbox only; it signs nobody in.
            return tokens.spent(token, Purpose.VERIFY_EMAIL)
                    .filter(spent -> accounts.byId(spent.accountId())
                            .filter(account -> account.emailVerifiedAt() != null
                                    && account.email().equalsIgnoreCase(spent.detail()))
                            .isPresent())
                    .map(AccountTokens.Redeemed::accountId);
        }
        return redeemed.map(fresh -> {
            accounts.byId(fresh.accountId())
                    .filter(account -> account.email().equalsIgnoreCase(fresh.detail()))
                    .ifPresent(account -> {
                        accounts.markVerified(account.id(), clock.instant());
                        events.publishEvent(new AddressVerified(account.id(), account.email()));
                    });
            return fresh.accountId();
        });
    }
}
