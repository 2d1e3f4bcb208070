package org.masthead.accounts.internal;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/** Turns the user an OpenID Connect provider signed in into the account they get here. */
@Service
public class OidcAccountUserService extends OidcUserService {

    private final OidcAccounts accounts;

    OidcAccountUserService(OidcAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = super.loadUser(request);
        OidcAccounts.ProviderIdentity identity = new OidcAccounts.ProviderIdentity(
                String.valueOf(user.getIdToken().getIssuer()),
                user.getSubject(),
                user.getEmail(),
                Boolean.TRUE.equals(user.getEmailVerified()),
                user.getFullName(),
                user.getPreferredUsername());
        try {
            return new OidcSignedIn(accounts.signIn(identity), user);
        } catch (OidcAccounts.AccountUnavailableException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("account_unavailable"), e.getMessage(), e);
        }
    }
}
