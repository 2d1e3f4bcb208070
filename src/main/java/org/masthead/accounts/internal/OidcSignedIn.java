package org.masthead.accounts.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.accounts.internal.AccountRepository.AccountRow;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Someone signed in through an OpenID Connect provider: our account, so that everything asking for
 * a {@link SignedIn} works as for a password sign-in, and the provider's user, as Spring Security's
 * OAuth2 login requires. Kept in the session, so everything here is serializable.
 */
public final class OidcSignedIn extends SignedIn implements OidcUser {

    private static final long serialVersionUID = 1L;

    private final OidcIdToken idToken;
    private final @Nullable OidcUserInfo userInfo;
    private final Map<String, Object> claims;

    OidcSignedIn(AccountRow account, OidcUser providerUser) {
        super(account.id(), account.displayName(), account.roles(), account.active(), null);
        this.idToken = providerUser.getIdToken();
        this.userInfo = providerUser.getUserInfo();
        this.claims = new LinkedHashMap<>(providerUser.getClaims());
    }

    @Override
    public Map<String, Object> getClaims() {
        return claims;
    }

    @Override
    public @Nullable OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return claims;
    }

    /** The account id, as for every other sign-in, not the provider's subject. */
    @Override
    public String getName() {
        return getUsername();
    }
}
