package org.masthead.accounts.web;

import org.masthead.platform.AccessRules;
import org.masthead.platform.StaffAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class AccountAdministrationSecurity {

    /**
     * Changing who may do what is for admins alone, signed in with both factors like every staff area; so
     * is the index of the admin pages, at {@code /admin}.
     */
    @Bean
    @Order(0)
    AccessRules accountAdministrationRules() {
        return routes -> routes.requestMatchers("/admin", "/admin/accounts", "/admin/accounts/**")
                .access(StaffAccess.requires("ADMIN"));
    }
}
