package org.masthead.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.masthead.accounts.SignedIn;
import org.masthead.accounts.internal.AccountMail;
import org.masthead.accounts.internal.AccountRepository;
import org.masthead.platform.AccessRules;
import org.masthead.platform.WebSecurityContribution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.ott.DefaultGenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;

/**
 * Signing in by a link sent to one's address instead of a password (Spring Security's one-time
 * token login). Tokens live in the database, so the link works whichever node serves it, and last
 * 15 minutes. Whether the address has an account is never revealed: the answer is always "check
 * your e-mail", and names the address only to someone signed in to its account (a staff member asking
 * for their second factor).
 */
@Configuration(proxyBeanMethods = false)
class EmailLinkSignIn {

    static final Duration LINK_VALID_FOR = Duration.ofMinutes(15);

    @Bean
    WebSecurityContribution emailLinkLogin(
            OneTimeTokenService tokens, EmailLinkSender sender, ReturnAfterSignIn returns) {
        DefaultGenerateOneTimeTokenRequestResolver requests = new DefaultGenerateOneTimeTokenRequestResolver();
        requests.setExpiresIn(LINK_VALID_FOR);
        return http -> http.oneTimeTokenLogin(ott -> ott.tokenService(tokens)
                .tokenGeneratingUrl("/signin/email-link")
                .generateRequestResolver(requests)
                .tokenGenerationSuccessHandler(sender)
                .showDefaultSubmitPage(false)
                // Where staff are sent when a staff area needs this second factor.
                .loginPage("/signin/second-factor")
                .loginProcessingUrl("/signin/link")
                .successHandler(returns)
                .failureUrl("/signin?link-expired"));
    }

    @Bean
    @Order(0)
    AccessRules emailLinkRules() {
        return routes -> routes.requestMatchers(
                        "/signin",
                        "/signin/email-link",
                        "/signin/email-link/sent",
                        "/signin/link",
                        "/signin/second-factor")
                .permitAll();
    }

    /** Mails the link when the address belongs to an account; answers the same either way. */
    @org.springframework.stereotype.Component
    static class EmailLinkSender implements OneTimeTokenGenerationSuccessHandler {

        private final AccountRepository accounts;
        private final AccountMail mail;
        private final ReturnAfterSignIn returns;

        EmailLinkSender(AccountRepository accounts, AccountMail mail, ReturnAfterSignIn returns) {
            this.accounts = accounts;
            this.mail = mail;
            this.returns = returns;
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token)
                throws IOException {
            String returnTo = returns.target(request).orElse(null);
            accounts.byEmail(token.getUsername())
                    .filter(AccountRepository.AccountRow::active)
                    .ifPresent(account -> {
                        mail.signInLink(account.email(), account.displayName(), token.getTokenValue(), returnTo);
                        if (isSignedInAs(account.id())) {
                            // A staff member asking for their second factor already proved who they are:
                            // there is nothing to hide from them, so the next page names their address.
                            SignInController.rememberLinkSentToOwnAddress(request, account.email());
                        }
                    });
            response.sendRedirect("/signin/email-link/sent");
        }

        private static boolean isSignedInAs(long accountId) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication != null
                    && authentication.isAuthenticated()
                    && authentication.getPrincipal() instanceof SignedIn signedIn
                    && signedIn.accountId() == accountId;
        }
    }
}
