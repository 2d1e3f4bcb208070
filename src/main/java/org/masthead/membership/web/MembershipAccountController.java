package org.masthead.membership.web;

import java.util.Map;
import java.util.Optional;
import org.masthead.accounts.SignedIn;
import org.masthead.membership.Membership;
import org.masthead.membership.internal.ContributionCheckouts;
import org.masthead.membership.internal.Contributions;
import org.masthead.membership.internal.MembershipPayments;
import org.masthead.membership.internal.Plans;
import org.masthead.membership.internal.Premium;
import org.masthead.membership.internal.PremiumSubscriptions;
import org.masthead.membership.internal.PremiumSubscriptions.PremiumSubscription;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentRejectedException;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RefusedException;
import org.masthead.platform.RejectedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A reader's membership: their contributions (changing the amount of a recurring one, or stopping it),
 * their Premium plan, when it renews or ends, switching plan, cancelling at the period's end (after a
 * page that says what cancelling means) and resuming, changing card (at the provider's portal), and
 * their payments. Changes are asked of the provider; the page shows them once its event has come back,
 * which the notice says. Cancelling Premium, resuming it and stopping a contribution are the exception:
 * the provider has accepted them by the time it answers, so the page shows their outcome at once rather
 * than the state they replaced.
 */
@Controller
@RequestMapping("/account/membership")
class MembershipAccountController {

    static final int PAYMENTS_SHOWN = 24;
    private static final String ASKED = "Done. It can take a moment to show here.";
    private static final String CANCEL_AT_PERIOD_END = "cancelAtPeriodEnd";
    private static final String STOPPED = "stoppedContribution";

    private final Membership membership;
    private final PremiumSubscriptions subscriptions;
    private final Premium premium;
    private final Plans plans;
    private final MembershipPayments payments;
    private final Contributions contributions;
    private final ContributionCheckouts giving;
    private final ReturnAddresses addresses;

    MembershipAccountController(
            Membership membership,
            PremiumSubscriptions subscriptions,
            Premium premium,
            Plans plans,
            MembershipPayments payments,
            Contributions contributions,
            ContributionCheckouts giving,
            ReturnAddresses addresses) {
        this.addresses = addresses;
        this.contributions = contributions;
        this.giving = giving;
        this.membership = membership;
        this.subscriptions = subscriptions;
        this.premium = premium;
        this.plans = plans;
        this.payments = payments;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedIn reader, Model model) {
        // Set for the one page view after the reader cancelled or resumed: what the provider accepted.
        Boolean accepted = (Boolean) model.getAttribute(CANCEL_AT_PERIOD_END);
        model.addAttribute("premium", membership.isPremium(reader.accountId()));
        model.addAttribute("supporter", membership.isSupporter(reader.accountId()));
        model.addAttribute(
                "subscription",
                subscriptions
                        .current(reader.accountId())
                        .map(s -> accepted == null ? s : s.withCancelAtPeriodEnd(accepted))
                        .orElse(null));
        model.addAttribute("plans", plans.available());
        model.addAttribute("payments", payments.of(reader.accountId(), PAYMENTS_SHOWN));
        String stopped = (String) model.getAttribute(STOPPED);
        model.addAttribute(
                "contributions",
                contributions.of(reader.accountId()).stream()
                        .map(c -> c.reference().equals(stopped) ? c.stopping() : c)
                        .toList());
        return "membership/account";
    }

    /** What cancelling means, and until when Premium lasts, before the reader confirms it. */
    @GetMapping("/cancel")
    ModelAndView confirmCancel(@AuthenticationPrincipal SignedIn reader, RedirectAttributes redirect) {
        Optional<PremiumSubscription> renewing = subscriptions
                .current(reader.accountId())
                .filter(s -> s.status() != null && s.status() != SubscriptionStatus.CANCELED)
                .filter(s -> !s.cancelAtPeriodEnd());
        if (renewing.isEmpty()) {
            redirect.addFlashAttribute("problem", "You have no Premium subscription that renews.");
            return new ModelAndView(Redirects.seeOther("/account/membership"));
        }
        return new ModelAndView("membership/cancel", Map.of("subscription", renewing.get()));
    }

    @PostMapping("/cancel")
    View cancel(@AuthenticationPrincipal SignedIn reader, RedirectAttributes redirect) {
        return accepted(redirect, true, "Premium is cancelled.", () -> premium.cancel(reader.accountId()));
    }

    @PostMapping("/resume")
    View resume(@AuthenticationPrincipal SignedIn reader, RedirectAttributes redirect) {
        return accepted(redirect, false, "Premium is resumed.", () -> premium.resume(reader.accountId()));
    }

    @PostMapping("/plan")
    View switchPlan(@AuthenticationPrincipal SignedIn reader, @RequestParam String plan, RedirectAttributes redirect) {
        return asked(redirect, () -> {
            try {
                premium.switchPlan(reader.accountId(), BillingInterval.valueOf(plan));
            } catch (IllegalArgumentException e) {
                throw new RejectedException("No plan", "plan", "Choose a plan.");
            }
        });
    }

    @PostMapping("/payment-method")
    View paymentMethod(@AuthenticationPrincipal SignedIn reader, RedirectAttributes redirect) {
        try {
            return Redirects.seeOther(premium.paymentMethod(reader.accountId(), addresses.of("/account/membership"))
                    .toString());
        } catch (RefusedException | PaymentRejectedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return Redirects.seeOther("/account/membership");
        }
    }

    @PostMapping("/contributions/{reference}/amount")
    View changeAmount(
            @AuthenticationPrincipal SignedIn reader,
            @PathVariable String reference,
            @RequestParam String amount,
            RedirectAttributes redirect) {
        return asked(redirect, () -> {
            Money current = contributions
                    .byReference(reference)
                    .map(Contributions.Contribution::amount)
                    .orElseThrow(() -> new NotFoundException("You have no such recurring contribution."));
            giving.changeAmount(reader.accountId(), reference, Money.parse(amount, current.currencyCode()));
        });
    }

    @PostMapping("/contributions/{reference}/cancel")
    View cancelContribution(
            @AuthenticationPrincipal SignedIn reader, @PathVariable String reference, RedirectAttributes redirect) {
        try {
            giving.cancel(reader.accountId(), reference);
            redirect.addFlashAttribute("notice", "Your contribution is stopped.");
            redirect.addFlashAttribute(STOPPED, reference);
        } catch (RefusedException | PaymentRejectedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return Redirects.seeOther("/account/membership");
    }

    private static View accepted(
            RedirectAttributes redirect, boolean cancelAtPeriodEnd, String notice, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute(CANCEL_AT_PERIOD_END, cancelAtPeriodEnd);
        } catch (RefusedException | PaymentRejectedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return Redirects.seeOther("/account/membership");
    }

    private static View asked(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", ASKED);
        } catch (RefusedException | PaymentRejectedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return Redirects.seeOther("/account/membership");
    }
}
