package org.masthead.notifications.web;

import org.masthead.platform.AccessRules;
import org.masthead.platform.StreamedRoute;
import org.masthead.platform.WebSecurityContribution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * Who may reach the notification pages. Live updates are for everyone: an article's new comments are
 * public, and a reader's own events go only to a connection that presents the ticket their session
 * got. The unsubscribe link, and the link that stops following a conversation, need only the token
 * they carry; whether one follows a conversation answers anyone (a visitor follows none).
 */
@Configuration(proxyBeanMethods = false)
class NotificationsSecurity {

    /** Before the accounts' rules, which cover all of {@code /account/**}. */
    @Bean
    @Order(-1)
    AccessRules notificationRules() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/live")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/notifications/conversations/*")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/notifications/conversations/unfollow")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/live/ticket")
                .authenticated()
                .requestMatchers("/notifications/unsubscribe")
                .permitAll()
                .requestMatchers("/notifications", "/notifications/**", "/account/notifications")
                .authenticated();
    }

    @Bean
    WebSecurityContribution oneClickNotificationUnsubscribe() {
        return http -> http.csrf(csrf ->
                csrf.ignoringRequestMatchers("/notifications/unsubscribe", "/notifications/conversations/unfollow"));
    }

    /**
     * The live stream goes straight to the browser, past the page cache, and without the reader's
     * cookies: reconnecting every few minutes must not count as use of their session (see {@code
     * LiveTickets}).
     */
    @Bean
    StreamedRoute liveRoute() {
        return new StreamedRoute("/live");
    }
}
