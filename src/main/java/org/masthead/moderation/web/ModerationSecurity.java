package org.masthead.moderation.web;

import org.masthead.platform.AccessRules;
import org.masthead.platform.StaffAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * The community standards and the transparency report are for everyone to read; a reader's decisions and appeals, and whom they muted,
 * are their own, signed in. The moderation console is for moderators and admins,
 * signed in with both factors like every staff area; picking comments is for editors too.
 */
@Configuration(proxyBeanMethods = false)
class ModerationSecurity {

    @Bean
    @Order(0)
    AccessRules moderationRules() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/community-standards", "/transparency")
                .permitAll()
                .requestMatchers("/appeals", "/account/muted", "/account/muted/**")
                .authenticated()
                .requestMatchers(HttpMethod.POST, "/moderation/comments/*/pick", "/moderation/comments/*/unpick")
                .access(StaffAccess.requiresAnyOf("MODERATOR", "EDITOR", "ADMIN"))
                .requestMatchers("/moderation", "/moderation/**")
                .access(StaffAccess.requiresAnyOf("MODERATOR", "ADMIN"));
    }
}
