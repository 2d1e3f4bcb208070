package org.masthead.membership.web;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
import org.masthead.payments.PaymentRejectedException;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.platform.RefusedException;
import org.masthead.site.Dates;
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
 * A reader's membership: their contributions (changing the amount of a recurring one, stopping it after
 * a page that says what stopping means, and carrying on with it while its period lasts), their Premium
 * plan, when it renews or ends, switching plan, cancelling at the period's end (after a page that says
 * what cancelling means) and resuming, changing card (at the provider's portal), and their payments.
 * Changes are asked of the provider; the page shows them once its event has come back, which the notice
 * says. Cancelling Premium, resuming it, and stopping a contribution or carrying on with it are the
 * exception: the provider has accepted them by the time it answers, so the page shows their outcome at
 * once rather than the state they replaced.
 */
@Controller
@RequestMapping("/account/membership")
class MembershipAccountController {

    static final int PAYMENTS_SHOWN = 24;
    private static final String CANCEL_AT_PERIOD_END = "cancelAtPeriodEnd";
    private static final String CONTRIBUTION = "changedContribution";
    private static final String CONTRIBUTION_STOPS = "contributionStops";
    private static final String PLAN_ASKED = "planAsked";
    // The field a problem is about, as the page's id for it, and what the reader had written there.
    private static final String PROBLEM_FIELD = "problemField";
    private static final String WRITTEN = "written";

    private final Membership membership;
    private final PremiumSubscriptions subscriptions;
    private final Premium premium;
    private final Plans plans;
    private final MembershipPayments payments;
    private final Contributions contributions;
    private final ContributionCheckouts giving;
    private final ReturnAddresses addresses;
    private final Dates dates;

    MembershipAccountController(
            Membership membership,
            PremiumSubscriptions subscriptions,
            Premium premium,
            Plans plans,
            MembershipPayments payments,
            Contributions contributions,
            ContributionCheckouts giving,
            ReturnAddresses addresses,
            Dates dates) {
        this.addresses = addresses;
        this.contributions = contributions;
        this.giving = giving;
        this.membership = membership;
        this.subscriptions = subscriptions;
        this.premium = premium;
        this.plans = plans;
        this.payments = payments;
        this.dates = dates;
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
        // A switch just asked for has not come back from the provider yet: it is not offered again.
        model.addAttribute(PLAN_ASKED, Boolean.TRUE.equals(model.getAttribute(PLAN_ASKED)));
        model.addAttribute("payments", payments.of(reader.accountId(), PAYMENTS_SHOWN));
        model.addAttribute("nextAttempts", payments.nextAttempts(reader.accountId()));
        String changed = (String) model.getAttribute(CONTRIBUTION);
        Boolean stops = (Boolean) model.getAttribute(CONTRIBUTION_STOPS);
        model.addAttribute(
                "contributions",
                contributions.of(reader.accountId()).stream()
                        .map(c -> c.reference().equals(changed) && stops != null ? c.withCancelAtPeriodEnd(stops) : c)
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
        try {
            premium.cancel(reader.accountId());
            // Premium lasts until the period paid for ends: the notice says so, as the page does.
            redirect.addFlashAttribute(
                    "notice",
                    subscriptions
                            .current(reader.accountId())
                            .map(PremiumSubscription::currentPeriodEnd)
                            .map(end -> "Premium will not renew: it ends on " + dates.day(end) + ".")
                            .orElse("Premium will not renew: it ends when the period you have paid for ends."));
            redirect.addFlashAttribute(CANCEL_AT_PERIOD_END, true);
        } catch (RefusedException | PaymentRejectedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return Redirects.seeOther("/account/membership");
    }

    @PostMapping("/resume")
    View resume(@AuthenticationPrincipal SignedIn reader, RedirectAttributes redirect) {
        try {
            premium.resume(reader.accountId());
            redirect.addFlashAttribute("notice", "Premium is resumed.");
            redirect.addFlashAttribute(CANCEL_AT_PERIOD_END, false);
        } catch (RefusedException | PaymentRejectedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return Redirects.seeOther("/account/membership");
    }

    @PostMapping("/plan")
    View switchPlan(@AuthenticationPrincipal SignedIn reader, @RequestParam String plan, RedirectAttributes redirect) {
        try {
            Premium.Switched switched = premium.switchPlan(reader.accountId(), BillingInterval.valueOf(plan));
            // The page shows the plan paid for until the next payment; the notice says when it changes.
            boolean yearly = switched.interval() == BillingInterval.YEAR;
            redirect.addFlashAttribute(
                    "notice",
                    "Your plan changes to " + (yearly ? "annual, " : "monthly, ")
                            + switched.price().format()
                            + (yearly ? " a year" : " a month") + ", from your next payment"
                            + (switched.from() == null ? "" : " on " + dates.day(switched.from())) + ".");
            redirect.addFlashAttribute(PLAN_ASKED, true);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "Choose a plan.");
        } catch (RefusedException | PaymentRejectedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return Redirects.seeOther("/account/membership");
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
        try {
            ContributionCheckouts.Changed changed = giving.changeAmount(reader.accountId(), reference, amount);
            // The page shows the amount paid until the next payment; the notice says when it changes.
            redirect.addFlashAttribute(
                    "notice",
                    "Thank you: your contribution changes to "
                            + changed.amount().format() + " "
                            + changed.frequency().per() + ", from your next payment"
                            + (changed.from() == null ? "" : " on " + dates.day(changed.from())) + ".");
        } catch (PaymentRejectedException e) {
            // The amount itself: said beside the field, which keeps what was written.
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute(PROBLEM_FIELD, "amount-" + reference);
            redirect.addFlashAttribute(WRITTEN, amount);
        } catch (RefusedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return Redirects.seeOther("/account/membership");
    }

    /** What stopping means, and until when the contribution lasts, before the reader confirms it. */
    @GetMapping("/contributions/{reference}/cancel")
    ModelAndView confirmStop(
            @AuthenticationPrincipal SignedIn reader, @PathVariable String reference, RedirectAttributes redirect) {
        try {
            return new ModelAndView(
                    "membership/stop-contribution",
                    Map.of("contribution", giving.renewing(reader.accountId(), reference)));
        } catch (RefusedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return new ModelAndView(Redirects.seeOther("/account/membership"));
        }
    }

    @PostMapping("/contributions/{reference}/cancel")
    View cancelContribution(
            @AuthenticationPrincipal SignedIn reader, @PathVariable String reference, RedirectAttributes redirect) {
        // It runs to the end of the period paid for: the notice says until when, as the page does.
        return contributionAccepted(redirect, reference, true, () -> {
            Instant stops = giving.cancel(reader.accountId(), reference);
            return (stops == null
                            ? "Your contribution will stop when the period you have paid for ends."
                            : "Your contribution will stop on " + dates.day(stops) + ".")
                    + " No more payments will be taken.";
        });
    }

    @PostMapping("/contributions/{reference}/resume")
    View resumeContribution(
            @AuthenticationPrincipal SignedIn reader, @PathVariable String reference, RedirectAttributes redirect) {
        return contributionAccepted(redirect, reference, false, () -> {
            giving.resume(reader.accountId(), reference);
            return "Thank you: your contribution carries on.";
        });
    }

    /** @param change asks the provider for the change, and says what the reader is told it does */
    private static View contributionAccepted(
            RedirectAttributes redirect, String reference, boolean stops, Supplier<String> change) {
        try {
            redirect.addFlashAttribute("notice", change.get());
            redirect.addFlashAttribute(CONTRIBUTION, reference);
            redirect.addFlashAttribute(CONTRIBUTION_STOPS, stops);
        } catch (RefusedException | PaymentRejectedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return Redirects.seeOther("/account/membership");
    }
}
