package org.masthead.accounts.web;

import org.masthead.platform.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Who may reach the pages that reset or change what a reader signs in with. */
@Configuration(proxyBeanMethods = false)
class SignInDetailsSecurity {

    /**
     * Before {@link AccountsSecurity}'s rules, which require sign-in for all of {@code /account/**}: the
     * pages for a forgotten password, and the link that confirms a new address (perhaps opened on
     * another device), need only the token they carry.
     */
    @Bean
    @Order(-1)
    AccessRules signInDetailsRules() {
        return routes -> routes.requestMatchers(
                        "/account/forgot-password", "/account/reset-password", "/account/email/confirm")
                .permitAll()
                .requestMatchers("/account/password", "/account/email")
                .authenticated();
    }
}
