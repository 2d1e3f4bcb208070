package org.masthead.payments.web;

import java.net.URI;
import java.util.Optional;
import org.masthead.accounts.SignedIn;
import org.masthead.payments.Payments;
import org.masthead.platform.SiteProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The way from this site to the provider's customer portal for a signed-in reader: the link in the
 * mail about a failed renewal leads here. Opening a portal visit is a request to the provider, so it
 * takes a button (a POST); the page before it says what will happen.
 */
@Controller
@RequestMapping("/payments/portal")
class PortalController {

    private final Payments payments;
    private final SiteProperties site;

    PortalController(Payments payments, SiteProperties site) {
        this.payments = payments;
        this.site = site;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedIn reader, Model model) {
        model.addAttribute(
                "hasCustomer", payments.customerOf(reader.accountId()).isPresent());
        return "payments/portal";
    }

    @PostMapping
    String open(@AuthenticationPrincipal SignedIn reader, Model model) {
        Optional<String> customer = payments.customerOf(reader.accountId());
        if (customer.isEmpty()) {
            model.addAttribute("hasCustomer", false);
            return "payments/portal";
        }
        URI portal = payments.customerPortal(customer.get(), URI.create(site.origin() + "/account"));
        return "redirect:" + portal;
    }
}
