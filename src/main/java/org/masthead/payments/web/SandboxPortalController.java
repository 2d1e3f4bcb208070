package org.masthead.payments.web;

import org.masthead.payments.PaymentRejectedException;
import org.masthead.payments.Payments;
import org.masthead.payments.internal.sandbox.SandboxPortal;
import org.masthead.payments.internal.sandbox.SandboxProvider;
import org.masthead.payments.internal.sandbox.SandboxStore;
import org.masthead.payments.internal.sandbox.SandboxSubscriptions;
import org.masthead.payments.internal.sandbox.TestCard;
import org.masthead.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sandbox's customer portal, what Stripe's Customer Portal is in production: a customer's card,
 * subscriptions and payments, where they change the card and cancel or resume a subscription. A visit
 * is opened by {@link Payments#customerPortal} and lasts an hour; its id is the key. Changes go through
 * the sandbox's billing, and so reach the site as webhook events like any other.
 */
@Controller
@RequestMapping("/payments/sandbox/portal/{session}")
class SandboxPortalController {

    private final Payments payments;
    private final SandboxPortal portal;
    private final SandboxSubscriptions subscriptions;

    SandboxPortalController(Payments payments, SandboxPortal portal, SandboxSubscriptions subscriptions) {
        this.payments = payments;
        this.portal = portal;
        this.subscriptions = subscriptions;
    }

    @GetMapping
    String portal(@PathVariable String session, Model model) {
        SandboxStore.PortalSession visit = visit(session);
        SandboxStore.CustomerRow customer =
                portal.customer(visit.customerId()).orElseThrow(SandboxPortalController::notFound);
        model.addAttribute("visit", visit);
        model.addAttribute("customer", customer);
        model.addAttribute("subscriptions", portal.subscriptionsOf(customer.id()));
        model.addAttribute("charges", portal.chargesOf(customer.id()));
        return "payments/sandbox-portal";
    }

    @PostMapping("/card")
    String changeCard(
            @PathVariable String session,
            @RequestParam(defaultValue = "") String cardNumber,
            RedirectAttributes redirect) {
        SandboxStore.PortalSession visit = visit(session);
        TestCard card =
                TestCard.of(cardNumber).filter(c -> c != TestCard.DECLINED).orElse(null);
        if (card == null) {
            redirect.addFlashAttribute("error", "That card cannot be used. Enter one of the test cards that pays.");
        } else {
            portal.changeCard(visit.customerId(), card);
            redirect.addFlashAttribute(
                    "notice", "Your card ending " + card.number().substring(12) + " will be used from now on.");
        }
        return "redirect:/payments/sandbox/portal/" + session;
    }

    @PostMapping("/subscriptions/{subscription}/cancel")
    String cancel(@PathVariable String session, @PathVariable String subscription, RedirectAttributes redirect) {
        return setCancel(
                session, subscription, true, "Your subscription will end when the current period does.", redirect);
    }

    @PostMapping("/subscriptions/{subscription}/resume")
    String resume(@PathVariable String session, @PathVariable String subscription, RedirectAttributes redirect) {
        return setCancel(session, subscription, false, "Your subscription will renew as before.", redirect);
    }

    private String setCancel(
            String session, String subscription, boolean cancel, String done, RedirectAttributes redirect) {
        SandboxStore.PortalSession visit = visit(session);
        boolean theirs = portal.subscriptionsOf(visit.customerId()).stream().anyMatch(s -> s.id().equals(subscription));
        if (!theirs) {
            throw notFound();
        }
        try {
            subscriptions.setCancelAtPeriodEnd(subscription, cancel);
            redirect.addFlashAttribute("notice", done);
        } catch (PaymentRejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/payments/sandbox/portal/" + session;
    }

    private SandboxStore.PortalSession visit(String session) {
        if (!SandboxProvider.NAME.equals(payments.providerName())) {
            throw notFound();
        }
        return portal.visit(session).orElseThrow(SandboxPortalController::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("There is no such portal session.");
    }
}
