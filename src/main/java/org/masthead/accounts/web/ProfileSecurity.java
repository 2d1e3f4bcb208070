package org.masthead.accounts.web;

import org.masthead.platform.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * Readers' public profiles and pictures are for everyone to see. Editing a profile, downloading
 * one's data and deleting one's account are account pages, for the signed-in owner only (see
 * {@link AccountsSecurity}).
 */
@Configuration(proxyBeanMethods = false)
class ProfileSecurity {

    @Bean
    @Order(0)
    AccessRules profileRules() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/profile/**", "/avatar/**")
                .permitAll();
    }
}
