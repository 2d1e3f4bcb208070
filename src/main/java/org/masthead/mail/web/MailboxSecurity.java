package org.masthead.mail.web;

import org.masthead.platform.AccessRules;
import org.masthead.platform.StaffAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailboxSecurity {

    /** The mailbox shows every reader's mail: admins only. */
    @Bean
    AccessRules mailboxRules() {
        return routes ->
                routes.requestMatchers("/admin/mailbox", "/admin/mailbox/**").access(StaffAccess.requires("ADMIN"));
    }
}
