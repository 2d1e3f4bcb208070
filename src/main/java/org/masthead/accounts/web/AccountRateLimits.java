package org.masthead.accounts.web;

import static org.masthead.platform.RateLimitedRoute.Key.clientAddress;
import static org.masthead.platform.RateLimitedRoute.Key.emailParameter;
import static org.springframework.http.HttpMethod.POST;

import java.time.Duration;
import java.util.List;
import org.masthead.platform.RateLimit;
import org.masthead.platform.RateLimitedRoute;
import org.masthead.platform.RateLimitedRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
     * Failed sign-ins to one account, from anywhere: after five, one more try every three minutes.
     * The account is slowed down, never locked, and its owner's signed-in sessions carry on.
     */
    static final RateLimit FAILED_SIGN_INS_PER_ACCOUNT =
            RateLimit.of("failed-sign-ins-per-account", 5, Duration.ofMinutes(15));

    /** New accounts opened from one client address. */
    static final RateLimit REGISTRATION_PER_IP = RateLimit.of("registration-per-ip", 5, Duration.ofHours(1));

    /**
     * Requests for an e-mailed link (sign-in, password reset, confirming an address) from one client
     * address.
     */
    static final RateLimit EMAIL_LINK_PER_IP = RateLimit.of("email-link-per-ip", 10, Duration.ofHours(1));

    /** Requests for an e-mailed link to one address, whoever asks: no one's inbox can be flooded. */
    static final RateLimit EMAIL_LINK_PER_ADDRESS = RateLimit.of("email-link-per-address", 3, Duration.ofHours(1));

    @Bean
    RateLimitedRoutes accountRoutes() {
        return () -> List.of(
                RateLimitedRoute.of(POST, "/signin", SIGN_IN_PER_IP, clientAddress()),
                RateLimitedRoute.of(POST, "/signin", FAILED_SIGN_INS_PER_ACCOUNT, emailParameter("email"))
                        .failedSignInsOnly(),
                RateLimitedRoute.of(POST, "/register", REGISTRATION_PER_IP, clientAddress()),
                RateLimitedRoute.of(POST, "/signin/email-link", EMAIL_LINK_PER_IP, clientAddress()),
                RateLimitedRoute.of(POST, "/signin/email-link", EMAIL_LINK_PER_ADDRESS, emailParameter("username")),
                RateLimitedRoute.of(POST, "/account/forgot-password", EMAIL_LINK_PER_IP, clientAddress()),
                RateLimitedRoute.of(POST, "/account/forgot-password", EMAIL_LINK_PER_ADDRESS, emailParameter("email")),
                RateLimitedRoute.of(POST, "/account/email", EMAIL_LINK_PER_IP, clientAddress()),
                RateLimitedRoute.of(POST, "/account/email", EMAIL_LINK_PER_ADDRESS, emailParameter("email")),
                RateLimitedRoute.of(POST, "/account/verify/resend", EMAIL_LINK_PER_IP, clientAddress()));
    }
}
