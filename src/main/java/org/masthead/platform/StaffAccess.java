package org.masthead.platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The rule for staff areas: the role, and two factors (a password, and either a one-time link
 * e-mailed to the account or a passkey), so that a leaked staff password alone opens nothing.
 * Someone with the role but one factor is sent to complete the other; someone without the role is
 * refused outright.
 */
public final class StaffAccess {

    private StaffAccess() {}

    /** @param role a role name as the accounts module grants it, such as {@code ADMIN} */
    public static AuthorizationManager<RequestAuthorizationContext> requires(String role) {
        return requiresAnyOf(role);
    }

    /**
     * Any one of these roles, with two factors: for an area that more than one kind of staff keeps.
     *
     * @param roles role names as the accounts module grants them, such as {@code EDITOR} and {@code ADMIN}
     */
    public static AuthorizationManager<RequestAuthorizationContext> requiresAnyOf(String... roles) {
        AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> passwordAndLink =
                AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
                        .requireFactor(factor -> factor.passwordAuthority())
                        .requireFactor(factor -> factor.ottAuthority())
                        .build();
        AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> passwordAndPasskey =
                AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
                        .requireFactor(factor -> factor.passwordAuthority())
                        .requireFactor(factor -> factor.webauthnAuthority())
                        .build();
        // The role first, so that someone without it is refused rather than asked for a factor.
        return AuthorizationManagers.allOf(
                AuthorityAuthorizationManager.hasAnyRole(roles), eitherOf(passwordAndLink, passwordAndPasskey));
    }

    /**
     * Grants when either set of factors is complete. A denial names every missing factor, the first
     * set's first, as one factor decision: that is what sends someone on to complete a factor (here
     * the e-mailed link) rather than refusing them, which a plain {@code anyOf} would do.
     */
    private static AuthorizationManager<RequestAuthorizationContext> eitherOf(
            AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> first,
            AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> second) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(
                    Supplier<? extends @Nullable Authentication> authentication, RequestAuthorizationContext context) {
                FactorAuthorizationDecision firstDecision = first.authorize(authentication, context);
                if (firstDecision.isGranted()) {
                    return firstDecision;
                }
                FactorAuthorizationDecision secondDecision = second.authorize(authentication, context);
                if (secondDecision.isGranted()) {
                    return secondDecision;
                }
                List<RequiredFactorError> missing = new ArrayList<>();
                Set<String> named = new HashSet<>();
                for (RequiredFactorError error : firstDecision.getFactorErrors()) {
                    if (named.add(error.getRequiredFactor().getAuthority())) {
                        missing.add(error);
                    }
                }
                for (RequiredFactorError error : secondDecision.getFactorErrors()) {
                    if (named.add(error.getRequiredFactor().getAuthority())) {
                        missing.add(error);
                    }
                }
                return new FactorAuthorizationDecision(missing);
            }
        };
    }
}
