package org.masthead.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Currency;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.SignedIn;
import org.masthead.membership.Membership;
import org.masthead.membership.internal.Plans;
import org.masthead.membership.internal.Premium;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentRejectedException;
import org.masthead.platform.RefusedException;
import org.masthead.platform.RejectedException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The Premium page: the plans in the reader's currency (the site's home currency, or the one they
 * chose; see {@link CurrencyChoice}), and the button that takes them to the provider's checkout. Only
 * the plan and currency are posted; the price is the plan's, read on the server.
 */
@Controller
@RequestMapping("/premium")
class PremiumController {

    private final Plans plans;
    private final Premium premium;
    private final Membership membership;
    private final ReturnAddresses addresses;
    private final CurrencyChoice currencies;
    private final Accounts accounts;

    PremiumController(
            Plans plans,
            Premium premium,
            Membership membership,
            ReturnAddresses addresses,
            CurrencyChoice currencies,
            Accounts accounts) {
        this.accounts = accounts;
        this.plans = plans;
        this.premium = premium;
        this.membership = membership;
        this.addresses = addresses;
        this.currencies = currencies;
    }

    /**
     * The plans; with {@code plan}, the one a visitor chose before signing in, which the sign-in link
     * brings them back to, ready to subscribe, or the one a reader left the checkout of ({@code
     * cancelled}), told that nothing was charged.
     */
    @GetMapping
    String page(
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String plan,
            @RequestParam(defaultValue = "false") boolean cancelled,
            @AuthenticationPrincipal @Nullable SignedIn reader,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("chosen", plan == null ? "" : plan);
        model.addAttribute("cancelled", cancelled);
        return show(currencies.of(currency, request, response), reader, null, model);
    }

    @PostMapping
    String subscribe(
            @RequestParam(required = false) @Nullable String plan,
            @RequestParam(required = false) @Nullable String currency,
            @AuthenticationPrincipal SignedIn reader,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("chosen", plan == null ? "" : plan);
        try {
            Currency exact = Money.currency(currency);
            BillingInterval interval = interval(plan);
            URI success = addresses.of("/premium/thanks");
            URI cancel = addresses.of(
                    "/premium?currency=" + exact.getCurrencyCode() + "&plan=" + interval.name() + "&cancelled=true");
            return "redirect:"
                    + premium.subscribe(
                                    reader.accountId(),
                                    accounts.currentAddressOf(reader.accountId()),
                                    interval,
                                    exact,
                                    success,
                                    cancel)
                            .redirectTo();
        } catch (RefusedException | PaymentRejectedException e) {
            return show(currencies.of(currency, request, response), reader, e.getMessage(), model);
        }
    }

    @GetMapping("/thanks")
    String thanks(@AuthenticationPrincipal @Nullable SignedIn reader, Model model) {
        model.addAttribute("active", reader != null && membership.isPremium(reader.accountId()));
        return "membership/premium-thanks";
    }

    /** Whether the reader has Premium yet: the thank-you page asks until the provider has confirmed it. */
    record PremiumStatus(boolean signedIn, boolean premium) {}

    @GetMapping("/status")
    @ResponseBody
    ResponseEntity<PremiumStatus> status(@AuthenticationPrincipal @Nullable SignedIn reader) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new PremiumStatus(reader != null, reader != null && membership.isPremium(reader.accountId())));
    }

    private String show(Currency currency, @Nullable SignedIn reader, @Nullable String problem, Model model) {
        model.addAttribute("currency", currency.getCurrencyCode());
        model.addAttribute("currencies", currencies.options(currency, "/premium"));
        model.addAttribute(
                "plans",
                plans.available().stream()
                        .filter(plan -> plan.priceIn(currency).isPresent())
                        .toList());
        model.addAttribute("signedIn", reader != null);
        model.addAttribute("premium", reader != null && membership.isPremium(reader.accountId()));
        model.addAttribute("problem", problem);
        model.addAttribute("offlineArticles", OfflineReadingController.KEPT);
        return "membership/premium";
    }

    private static BillingInterval interval(@Nullable String plan) {
        try {
            return BillingInterval.valueOf(plan == null ? "" : plan);
        } catch (IllegalArgumentException e) {
            throw new RejectedException("No plan", "plan", "Choose a plan.");
        }
    }
}
