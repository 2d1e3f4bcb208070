package org.masthead.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.internal.OidcAccountUserService;
import org.masthead.platform.AccessRules;
import org.masthead.platform.WebSecurityContribution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Signing in through an OpenID Connect provider, such as Google. Off unless a client is registered
 * with Spring Boot's standard {@code spring.security.oauth2.client.registration.<id>.*} properties:
 * Boot makes the {@link ClientRegistrationRepository} only then, and without it nothing here
 * changes the site. Spring Security's filters handle {@code /oauth2/authorization/<id>} (off to the
 * provider) and {@code /login/oauth2/code/<id>} (back from it); no controller is involved.
 */
@Configuration(proxyBeanMethods = false)
class ProviderSignIn {

    @Bean
    WebSecurityContribution providerLogin(
            ObjectProvider<ClientRegistrationRepository> registrations,
            OidcAccountUserService oidcUsers,
            ReturnAfterSignIn returns) {
        return http -> {
            if (registrations.getIfAvailable() == null) {
                return;
            }
            http.oauth2Login(login -> login.loginPage("/signin")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers)
                            // Plain OAuth2 says nothing reliable about who someone is: OIDC only.
                            .userService(request -> {
                                throw new OAuth2AuthenticationException(new OAuth2Error("openid_scope_required"));
                            }))
                    .authorizedClientRepository(new NoAuthorizedClients())
                    .successHandler(returns)
                    .failureUrl("/signin?provider-error"));
        };
    }

    @Bean
    @Order(0)
    AccessRules providerSignInRules(ObjectProvider<ClientRegistrationRepository> registrations) {
        return routes -> {
            if (registrations.getIfAvailable() != null) {
                routes.requestMatchers("/oauth2/authorization/*", "/login/oauth2/code/*")
                        .permitAll();
            }
        };
    }

    /** One "Continue with …" button on the sign-in page. */
    record Provider(String id, String name) {}

    /** The configured providers, for the sign-in page; none when OIDC is off. */
    @ControllerAdvice(assignableTypes = SignInController.class)
    static class SignInProviders {

        private final ObjectProvider<ClientRegistrationRepository> registrations;

        SignInProviders(ObjectProvider<ClientRegistrationRepository> registrations) {
            this.registrations = registrations;
        }

        @ModelAttribute("signInProviders")
        List<Provider> providers() {
            List<Provider> providers = new ArrayList<>();
            // Boot's repository is in memory and iterable; any other lists nothing rather than guess.
            if (registrations.getIfAvailable() instanceof Iterable<?> all) {
                for (Object each : all) {
                    if (each instanceof ClientRegistration registration
                            && AuthorizationGrantType.AUTHORIZATION_CODE.equals(
                                    registration.getAuthorizationGrantType())
                            && registration.getScopes().contains(OidcScopes.OPENID)) {
                        providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
                    }
                }
            }
            return providers;
        }
    }

    /**
     * The provider is used only to sign in, never to call its APIs, so its tokens are not kept:
     * Spring's default would hold them in memory per principal, growing for ever and on one node only.
     */
    static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(
                String clientRegistrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient authorizedClient,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String clientRegistrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}
    }
}
