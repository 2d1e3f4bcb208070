package org.masthead.accounts.internal;

import org.masthead.accounts.SignedIn;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Finds the account someone signs in to by its e-mail address. */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public SignedIn loadUserByUsername(String email) {
        return accounts.byEmail(email.strip())
                .map(AccountUserDetailsService::toSignedIn)
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
    }

    /** The account a passkey belongs to: passkeys name their account by id, not by address. */
    public SignedIn loadByAccountId(long accountId) {
        return accounts.byId(accountId)
                .map(AccountUserDetailsService::toSignedIn)
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
    }

    static SignedIn toSignedIn(AccountRepository.AccountRow row) {
        return new SignedIn(row.id(), row.displayName(), row.roles(), row.active(), row.passwordHash());
    }
}
