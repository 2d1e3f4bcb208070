package org.masthead.membership.web;

import org.masthead.platform.AccessRules;
import org.masthead.platform.StaffAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * The Premium and support pages are for everyone to read (and whether one has Premium yet, which a
 * visitor has not, for anyone to ask), and anyone may contribute (a guest gives an
 * address for the receipt); subscribing and managing a membership need a signed-in reader. The ask
 * under articles answers anyone. The reading list's personal state, and the list of what the offline
 * service worker keeps, answer anyone (a visitor is simply not a member, and keeps nothing); the service
 * worker and its offline page are the same for everyone. Its changes are decided by the reading list itself, which refuses non-members with a
 * reason. The ask's copy is for editors and admins, plans and the revenue dashboard for admins, all
 * with both factors.
 */
@Configuration(proxyBeanMethods = false)
class MembershipSecurity {

    @Bean
    @Order(0)
    AccessRules membershipRules() {
        return routes -> routes.requestMatchers("/admin/membership/asks")
                .access(StaffAccess.requiresAnyOf("EDITOR", "ADMIN"))
                .requestMatchers("/admin/membership", "/admin/membership/**")
                .access(StaffAccess.requires("ADMIN"))
                .requestMatchers(
                        HttpMethod.GET,
                        "/premium",
                        "/premium/thanks",
                        "/premium/status",
                        "/support",
                        "/support/thanks",
                        "/asks/next")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/support")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/premium")
                .authenticated()
                .requestMatchers("/account/membership", "/account/membership/**")
                .authenticated()
                .requestMatchers(HttpMethod.GET, "/reading-list/state", "/reading-list/offline", "/sw.js", "/offline")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/reading-list/*")
                .permitAll()
                .requestMatchers(HttpMethod.DELETE, "/reading-list/*")
                .permitAll()
                .requestMatchers("/reading-list", "/reading-list/**")
                .authenticated();
    }
}
