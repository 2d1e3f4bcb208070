package org.masthead.accounts.web;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.masthead.accounts.SessionEnded;
import org.masthead.accounts.SignedIn;
import org.masthead.accounts.SignedInSessions;
import org.masthead.accounts.internal.AccountUserDetailsService;
import org.masthead.platform.AccessRules;
import org.masthead.platform.WebSecurityContribution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;

/** How people sign in and out, and who may reach the account pages. */
@Configuration(proxyBeanMethods = false)
class AccountsSecurity {

    /** Argon2id for every new hash; the prefix in each stored hash says how to check it. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    /** "Keep me signed in" makes the session cookie outlive the browser, for 30 days. */
    @Bean
    SpringSessionRememberMeServices rememberMeServices() {
        SpringSessionRememberMeServices services = new SpringSessionRememberMeServices();
        services.setRememberMeParameterName("remember-me");
        services.setValiditySeconds(30 * 24 * 60 * 60);
        return services;
    }

    /**
     * Where a reader was when asked to sign in is kept in a cookie, not the session (see {@link
     * ReturnAfterSignIn}), and every way of signing in takes them back there.
     */
    @Bean
    WebSecurityContribution signInAndOut(
            SpringSessionRememberMeServices rememberMe,
            SignedInSessions sessions,
            ApplicationEventPublisher events,
            ReturnAfterSignIn returns,
            AccountUserDetailsService users,
            PasswordEncoder passwords,
            ObjectProvider<WebInvocationPrivilegeEvaluator> access) {
        return http -> http.requestCache(cache -> cache.requestCache(returns))
                .formLogin(form -> form.loginPage("/signin")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(returns)
                        .failureHandler(SignInController.failureHandler(users, passwords))
                        .permitAll())
                .rememberMe(remember -> remember.rememberMeServices(rememberMe))
                .logout(logout -> logout.logoutUrl("/signout")
                        .addLogoutHandler(announceSessionEnd(sessions, events))
                        .logoutSuccessHandler(backToThePublicPage(access))
                        .deleteCookies("SESSION")
                        .permitAll());
    }

    /**
     * Signed out, the reader stays on the page they were on ({@code return}, which the header's sign-out
     * form sends) when anyone may see it: a search, an article, a topic. A page that needs an account, or
     * any other address, leads to the front page. Asked lazily: the answer comes from the filter chain
     * this very configuration helps to build.
     */
    private static LogoutSuccessHandler backToThePublicPage(ObjectProvider<WebInvocationPrivilegeEvaluator> access) {
        Authentication visitor = new AnonymousAuthenticationToken(
                "signed-out", "signed-out", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        return (request, response, authentication) -> {
            String target = ReturnPath.of(request.getParameter(ReturnAfterSignIn.PARAMETER))
                    .filter(path -> access.getObject()
                            .isAllowed(request.getContextPath(), path.split("[?#]", 2)[0], "GET", visitor))
                    .orElse("/");
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    /** Runs before Spring Security's own handler ends the session, while its id is still there to read. */
    private static LogoutHandler announceSessionEnd(SignedInSessions sessions, ApplicationEventPublisher events) {
        return (request, response, authentication) -> {
            HttpSession session = request.getSession(false);
            if (session != null
                    && authentication != null
                    && authentication.getPrincipal() instanceof SignedIn signedIn) {
                events.publishEvent(new SessionEnded(signedIn.accountId(), sessions.referenceTo(session.getId())));
            }
        };
    }

    @Bean
    @Order(0)
    AccessRules accountRules() {
        return routes -> routes.requestMatchers("/register", "/register/check-email", "/account/verify")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/privacy")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/me")
                .permitAll()
                .requestMatchers("/account", "/account/**")
                .authenticated();
    }
}
