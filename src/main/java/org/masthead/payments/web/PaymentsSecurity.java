package org.masthead.payments.web;

import org.masthead.platform.AccessRules;
import org.masthead.platform.StaffAccess;
import org.masthead.platform.WebSecurityContribution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class PaymentsSecurity {

    /**
     * Webhooks come from the provider, with no session: anyone may post, and the signature decides
     * (see {@link WebhookController}). The sandbox's checkout and portal pages are the provider's
     * pages: their unguessable ids are what lets a reader in, as with Stripe's. The ledger is for admins
     * with both factors; the way to the portal for signed-in readers.
     */
    @Bean
    @Order(0)
    AccessRules paymentsRules() {
        return routes -> routes.requestMatchers(HttpMethod.POST, "/webhooks/payments/*")
                .permitAll()
                .requestMatchers(
                        "/payments/sandbox/checkout/*", "/payments/sandbox/portal/*", "/payments/sandbox/portal/**")
                .permitAll()
                .requestMatchers("/payments/portal")
                .authenticated()
                .requestMatchers("/admin/payments", "/admin/payments/**")
                .access(StaffAccess.requires("ADMIN"));
    }

    /** The provider cannot hold a CSRF token; its signature stands in for one. */
    @Bean
    WebSecurityContribution webhooksWithoutCsrfToken() {
        return http -> http.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/payments/*"));
    }
}
