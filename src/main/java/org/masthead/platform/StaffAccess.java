package org.masthead.platform;

import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The rule for staff areas: the role, and two factors (a password and a one-time link e-mailed to
 * the account), so that a leaked staff password alone opens nothing. Someone with the role but one
 * factor is sent to complete the other; someone without the role is refused outright.
 */
public final class StaffAccess {

    private StaffAccess() {}

    /** @param role a role name as the accounts module grants it, such as {@code ADMIN} */
    public static AuthorizationManager<RequestAuthorizationContext> requires(String role) {
        AuthorizationManager<RequestAuthorizationContext> twoFactors =
                AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
                        .requireFactor(factor -> factor.passwordAuthority())
                        .requireFactor(factor -> factor.ottAuthority())
                        .build();
        return AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole(role), twoFactors);
    }
}
