package org.masthead.accounts.web;

import static org.masthead.platform.RateLimitedRoute.Key.clientAddress;
import static org.masthead.platform.RateLimitedRoute.Key.emailParameter;
import static org.masthead.platform.RateLimitedRoute.Key.emailParameterAndClientAddress;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.SignedIn;
import org.masthead.platform.RateLimit;
import org.masthead.platform.RateLimitedRoute;
import org.masthead.platform.RateLimitedRoutes;
import org.masthead.platform.RateLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * How often anyone may try to sign in, open an account, or have a link e-mailed: enough for a
 * household or an office behind one address, too little to guess passwords or to flood someone's
 * inbox. Each limit can be changed with {@code masthead.rate-limits.<name>.capacity} and {@code
 * .period}.
 */
@Configuration(proxyBeanMethods = false)
class AccountRateLimits {

    /** Every sign-in attempt from one client address. */
    static final RateLimit SIGN_IN_PER_IP = RateLimit.of("sign-in-per-ip", 20, Duration.ofMinutes(1));

    /**
     * Failed sign-ins to one account from one client address: after five, that client may try once
     * every three minutes. Only the guesser is held back: the owner, signing in from anywhere else,
     * is not, and their signed-in sessions carry on.
     */
    static final RateLimit FAILED_SIGN_INS_PER_ACCOUNT_AND_CLIENT =
            RateLimit.of("failed-sign-ins-per-account-and-client", 5, Duration.ofMinutes(15));

    /**
     * Failed sign-ins to one account from anywhere, for guessing spread over many addresses: past
     * fifty in an hour, each attempt is held for a few seconds before its password is checked. It is
     * never refused, since a refusal here would shut the owner out as well.
     */
    static final RateLimit FAILED_SIGN_INS_PER_ACCOUNT =
            RateLimit.of("failed-sign-ins-per-account", 50, Duration.ofHours(1));

    static final Duration SLOWDOWN_PER_ACCOUNT = Duration.ofSeconds(3);

    /** New accounts opened from one client address. */
    static final RateLimit REGISTRATION_PER_IP = RateLimit.of("registration-per-ip", 5, Duration.ofHours(1));

    /**
     * Requests for an e-mailed link (sign-in, password reset, confirming an address) from one client
     * address by someone not signed in. A staff member's request for their second factor comes from their
     * signed-in session and is not counted here: a newsroom behind one office address would otherwise be
     * kept out of its staff areas by its tenth sign-in of the hour.
     */
    static final RateLimit EMAIL_LINK_PER_IP = RateLimit.of("email-link-per-ip", 10, Duration.ofHours(1));

    /**
     * Requests to change an account's password from one account, each checking its current password:
     * whoever finds a session left signed in may not guess the password at leisure and then sign the
     * owner out everywhere.
     */
    static final RateLimit PASSWORD_CHANGE_PER_ACCOUNT =
            RateLimit.of("password-change-per-account", 10, Duration.ofHours(1));

    /** Requests to change an account's address, each e-mailing a link to the new one, from one account. */
    static final RateLimit EMAIL_CHANGE_PER_ACCOUNT = RateLimit.of("email-change-per-account", 10, Duration.ofHours(1));

    /**
     * Requests for an e-mailed link to one address, whoever asks, so that no one's inbox can be
     * flooded; the owner asking from their own signed-in session is not counted.
     */
    static final RateLimit EMAIL_LINK_PER_ADDRESS = RateLimit.of("email-link-per-address", 3, Duration.ofHours(1));

    @Bean
    RateLimitedRoutes accountRoutes(Accounts accounts) {
        RateLimitedRoute.Key ownEmail = request -> ownEmailKey(request, accounts);
        return () -> List.of(
                RateLimitedRoute.of(POST, "/signin", SIGN_IN_PER_IP, clientAddress()),
                RateLimitedRoute.of(
                                POST,
                                "/signin",
                                FAILED_SIGN_INS_PER_ACCOUNT_AND_CLIENT,
                                emailParameterAndClientAddress("email"))
                        .failedSignInsOnly(),
                // Last: an attempt that another limit refuses is not held first.
                RateLimitedRoute.of(POST, "/signin", FAILED_SIGN_INS_PER_ACCOUNT, emailParameter("email"))
                        .failedSignInsOnly()
                        .slowingDownBy(SLOWDOWN_PER_ACCOUNT),
                RateLimitedRoute.of(POST, "/register", REGISTRATION_PER_IP, clientAddress()),
                RateLimitedRoute.of(POST, "/signin/email-link", EMAIL_LINK_PER_IP, clientAddressUnlessSignedIn()),
                RateLimitedRoute.of(
                        POST,
                        "/signin/email-link",
                        EMAIL_LINK_PER_ADDRESS,
                        emailParameterUnlessOwnSession("username", ownEmail)),
                RateLimitedRoute.of(POST, "/account/forgot-password", EMAIL_LINK_PER_IP, clientAddress()),
                RateLimitedRoute.of(POST, "/account/forgot-password", EMAIL_LINK_PER_ADDRESS, emailParameter("email")),
                RateLimitedRoute.of(POST, "/account/password", PASSWORD_CHANGE_PER_ACCOUNT, ownEmail),
                RateLimitedRoute.of(POST, "/account/email", EMAIL_CHANGE_PER_ACCOUNT, ownEmail),
                RateLimitedRoute.of(POST, "/account/email", EMAIL_LINK_PER_ADDRESS, emailParameter("email")),
                RateLimitedRoute.of(POST, "/account/verify/resend", EMAIL_LINK_PER_IP, clientAddress()));
    }

    /**
     * The address in this form field, unless the request comes from that address's own signed-in
     * session, as a staff member's request for their second factor does. Anyone may ask for a link to
     * any address: were the owner's own requests counted with strangers', a stranger asking now and
     * then would keep a staff member without a passkey out of the staff areas.
     */
    static RateLimitedRoute.Key emailParameterUnlessOwnSession(String name, RateLimitedRoute.Key ownEmail) {
        RateLimitedRoute.Key email = emailParameter(name);
        return request -> {
            String key = email.of(request);
            return key == null || key.equals(ownEmail.of(request)) ? null : key;
        };
    }

    /** The client's address, unless the request comes from a signed-in session. */
    static RateLimitedRoute.Key clientAddressUnlessSignedIn() {
        RateLimitedRoute.Key address = clientAddress();
        return request -> signedIn(request) == null ? address.of(request) : null;
    }

    /** The signed-in account's address as it is now, which its session does not hold. */
    private static @Nullable String ownEmailKey(HttpServletRequest request, Accounts accounts) {
        SignedIn signedIn = signedIn(request);
        return signedIn == null ? null : RateLimits.emailKey(accounts.currentAddressOf(signedIn.accountId()));
    }

    /** Read from the session, since limits are counted before Spring Security has loaded it. */
    private static @Nullable SignedIn signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context
                && context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof SignedIn signedIn) {
            return signedIn;
        }
        return null;
    }
}
