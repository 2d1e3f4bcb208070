package org.masthead.accounts.web;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.SignedIn;
import org.masthead.accounts.internal.AccountUserDetailsService;
import org.masthead.platform.AccessRules;
import org.masthead.platform.SiteProperties;
import org.masthead.platform.WebSecurityContribution;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Signing in with a passkey (Spring Security's WebAuthn support), and a passkey as a staff
 * member's second factor instead of the e-mailed link. Passkeys and the people they belong to live
 * in the database, in Spring Security's own tables; a passkey's user is named by the account id, as
 * sessions are, so a passkey keeps working when its owner changes their address.
 *
 * <p>The relying party is the site's host, and the only origin a passkey ceremony is accepted from
 * is the site's own address. When the site is configured as {@code localhost} (development and
 * tests), the origin of the port the server really listens on is accepted too, since that port may
 * be chosen at random; no other origin is ever added.
 */
@Configuration(proxyBeanMethods = false)
class PasskeySignIn {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeys(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    /** The origins a ceremony may come from; read by Spring Security on every ceremony. */
    @Bean
    PasskeyOrigins passkeyOrigins(SiteProperties site) {
        return new PasskeyOrigins(site.origin());
    }

    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(
            PublicKeyCredentialUserEntityRepository users,
            UserCredentialRepository passkeys,
            PasskeyOrigins origins,
            SiteProperties site,
            Accounts accounts) {
        PublicKeyCredentialRpEntity relyingParty = PublicKeyCredentialRpEntity.builder()
                .id(URI.create(site.origin()).getHost())
                .name(site.name())
                .build();
        Webauthn4JRelyingPartyOperations operations =
                new Webauthn4JRelyingPartyOperations(users, passkeys, relyingParty, origins.allowed());
        // The passkey's user is stored under the account id; the device shows the person their
        // address and name instead. Only the user's id is kept from what the device is sent.
        operations.setCustomizeCreationOptions(options -> {
            if (SecurityContextHolder.getContext().getAuthentication() != null
                    && SecurityContextHolder.getContext().getAuthentication().getPrincipal()
                            instanceof SignedIn signedIn) {
                PublicKeyCredentialUserEntity stored = users.findByUsername(signedIn.getUsername());
                if (stored != null) {
                    options.user(ImmutablePublicKeyCredentialUserEntity.builder()
                            .id(stored.getId())
                            .name(accounts.currentAddressOf(signedIn.accountId()))
                            .displayName(signedIn.displayName())
                            .build());
                }
            }
        });
        return operations;
    }

    @Bean
    WebSecurityContribution passkeyLogin(
            WebAuthnRelyingPartyOperations relyingParty,
            AccountUserDetailsService accounts,
            SiteProperties site,
            ReturnAfterSignIn returns) {
        AuthenticationProvider provider = new PasskeyAuthenticationProvider(relyingParty, accounts);
        return http -> http.webAuthn(webAuthn -> webAuthn
                // Only used if the relying party bean above were missing; kept in step with it.
                .rpName(site.name())
                .rpId(URI.create(site.origin()).getHost())
                .allowedOrigins(site.origin())
                // Spring's own pages need inline script; ours are on the account and sign-in pages.
                .disableDefaultRegistrationPage(true)
                .creationOptionsRepository(new SessionPasskeyCreationOptions())
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        // Signs in as the account, like every other way in, not as the passkey's user.
                        filter.setAuthenticationManager(new ProviderManager(provider));
                        // And takes the reader back to where they were, as every other way in does.
                        filter.setAuthenticationSuccessHandler(returns.forScripts());
                        // A new session id on signing in, as for a password.
                        SessionAuthenticationStrategy sessions =
                                http.getSharedObject(SessionAuthenticationStrategy.class);
                        if (sessions != null) {
                            filter.setSessionAuthenticationStrategy(sessions);
                        }
                        return filter;
                    }
                }));
    }

    @Bean
    @Order(0)
    AccessRules passkeyRules() {
        return routes -> routes.requestMatchers(HttpMethod.POST, "/webauthn/authenticate/options", "/login/webauthn")
                .permitAll()
                .requestMatchers("/webauthn/register/options", "/webauthn/register", "/webauthn/register/*")
                .authenticated();
    }

    /** The origins passkey ceremonies are accepted from. */
    static final class PasskeyOrigins implements ApplicationListener<WebServerInitializedEvent> {

        private final Set<String> allowed = ConcurrentHashMap.newKeySet();
        private final boolean local;

        PasskeyOrigins(String siteOrigin) {
            allowed.add(siteOrigin);
            local = "localhost".equals(URI.create(siteOrigin).getHost());
        }

        Set<String> allowed() {
            return allowed;
        }

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            if (local && event.getWebServer().getPort() > 0) {
                allowed.add("http://localhost:" + event.getWebServer().getPort());
            }
        }
    }

    /**
     * Checks the passkey, then signs in as the account it belongs to, with the passkey factor; refused when
     * someone else is signed in on this session.
     */
    static final class PasskeyAuthenticationProvider implements AuthenticationProvider {

        private final WebAuthnRelyingPartyOperations relyingParty;
        private final AccountUserDetailsService accounts;

        PasskeyAuthenticationProvider(WebAuthnRelyingPartyOperations relyingParty, AccountUserDetailsService accounts) {
            this.relyingParty = relyingParty;
            this.accounts = accounts;
        }

        @Override
        public Authentication authenticate(Authentication authentication) throws AuthenticationException {
            WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) authentication;
            SignedIn signedIn;
            try {
                PublicKeyCredentialUserEntity user = relyingParty.authenticate(request.getWebAuthnRequest());
                signedIn = accounts.loadByAccountId(Long.parseLong(user.getName()));
            } catch (RuntimeException ex) {
                throw new BadCredentialsException("Passkey not accepted", ex);
            }
            if (!signedIn.isEnabled()) {
                throw new DisabledException("Account disabled");
            }
            // A passkey is a second factor only for whoever gave the first: on a shared device, someone
            // else's would otherwise switch the session to their account. Switching takes signing out.
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            if (current != null
                    && current.getPrincipal() instanceof SignedIn already
                    && already.accountId() != signedIn.accountId()) {
                throw new BadCredentialsException("The passkey belongs to another account");
            }
            signedIn.eraseCredentials();
            Collection<GrantedAuthority> authorities = new HashSet<>(signedIn.getAuthorities());
            authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
            return UsernamePasswordAuthenticationToken.authenticated(signedIn, null, authorities);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
        }
    }
}
