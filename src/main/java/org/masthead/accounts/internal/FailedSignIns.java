package org.masthead.accounts.internal;

import java.time.Duration;
import org.masthead.platform.RateLimit;
import org.masthead.platform.RateLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

/**
 * Tells an account's owner when someone keeps getting its password wrong: once the failures pass a
 * threshold, one mail, and no more for a day however long the attempts go on. Guessing is held back
 * by the sign-in limits; this is so that the owner knows, and can choose a new password or add a
 * passkey. Failures are counted as rate limits are, in buckets every node shares.
 */
@Configuration(proxyBeanMethods = false)
class FailedSignIns {

    /** Failed password sign-ins to one address, from anywhere, that pass without a word. */
    static final RateLimit BEFORE_NOTICE = RateLimit.of("failed-sign-ins-before-notice", 5, Duration.ofMinutes(15));

    /** How often the owner may be told: once for a run of failures, not once per failure. */
    static final RateLimit NOTICES = RateLimit.of("failed-sign-in-notices", 1, Duration.ofDays(1));

    private final RateLimits limits;
    private final AccountRepository accounts;
    private final AccountMail mail;

    FailedSignIns(RateLimits limits, AccountRepository accounts, AccountMail mail) {
        this.limits = limits;
        this.accounts = accounts;
        this.mail = mail;
    }

    @Bean
    RateLimit failedSignInsBeforeNotice() {
        return BEFORE_NOTICE;
    }

    @Bean
    RateLimit failedSignInNotices() {
        return NOTICES;
    }

    /** Only wrong passwords: a passkey or an e-mailed link that fails is not someone guessing. */
    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt)
                || attempt.getName().isBlank()) {
            return;
        }
        String key = RateLimits.emailKey(attempt.getName());
        if (limits.tryConsume(BEFORE_NOTICE, key).allowed()
                || !limits.tryConsume(NOTICES, key).allowed()) {
            return;
        }
        accounts.byEmail(attempt.getName().strip())
                .filter(AccountRepository.AccountRow::active)
                .ifPresent(account -> mail.failedSignIns(account.email(), account.displayName()));
    }
}
