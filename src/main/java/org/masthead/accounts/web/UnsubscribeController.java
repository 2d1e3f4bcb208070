package org.masthead.accounts.web;

import org.masthead.accounts.internal.MarketingConsent;
import org.masthead.platform.AccessRules;
import org.masthead.platform.WebSecurityContribution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unsubscribe link in marketing mail. Opening it asks for a click, so that mail scanners
 * following links unsubscribe nobody; mail programs' one-click unsubscribe (RFC 8058) posts to the
 * same address without a CSRF token, which the unguessable token in the address stands in for.
 */
@Controller
class UnsubscribeController {

    private final MarketingConsent consent;

    UnsubscribeController(MarketingConsent consent) {
        this.consent = consent;
    }

    @GetMapping("/unsubscribe")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", !token.isBlank() && consent.isValid(token));
        return "accounts/unsubscribe";
    }

    @PostMapping("/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
        boolean done = !token.isBlank() && consent.unsubscribe(token).isPresent();
        model.addAttribute("token", token);
        model.addAttribute("valid", done);
        model.addAttribute("unsubscribed", done);
        return "accounts/unsubscribe";
    }

    @Configuration(proxyBeanMethods = false)
    static class UnsubscribeSecurity {

        @Bean
        @Order(0)
        AccessRules unsubscribeRules() {
            return routes -> routes.requestMatchers("/unsubscribe").permitAll();
        }

        @Bean
        WebSecurityContribution oneClickUnsubscribe() {
            return http -> http.csrf(csrf -> csrf.ignoringRequestMatchers("/unsubscribe"));
        }
    }
}
