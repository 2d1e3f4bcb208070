package org.masthead.payments.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.Payments;
import org.masthead.payments.internal.sandbox.SandboxCheckouts;
import org.masthead.payments.internal.sandbox.SandboxProvider;
import org.masthead.payments.internal.sandbox.SandboxStore;
import org.masthead.payments.internal.sandbox.TestCard;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sandbox's checkout page: what Stripe's hosted checkout is in production. It shows what the
 * checkout was opened for, at the price the server holds, and takes a test card. The form carries the
 * card alone: nothing posted to it can change what is charged. An id that names no open checkout
 * (unknown, altered, paid or expired) is not found.
 */
@Controller
@RequestMapping("/payments/sandbox/checkout/{id}")
class SandboxCheckoutController {

    private static final String NO_CHECKOUT = "There is no open checkout with this id.";

    private final Payments payments;
    private final SandboxCheckouts checkouts;
    private final SiteProperties site;
    private final Clock clock;

    SandboxCheckoutController(Payments payments, SandboxCheckouts checkouts, SiteProperties site, Clock clock) {
        this.payments = payments;
        this.checkouts = checkouts;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping
    String page(@PathVariable String id, Model model) {
        return show(checkout(id), model, "", "", "", null);
    }

    @PostMapping
    String pay(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String cardNumber,
            @RequestParam(defaultValue = "") String expiry,
            @RequestParam(defaultValue = "") String cvc,
            Model model) {
        SandboxStore.CheckoutRow checkout = checkout(id);
        Optional<TestCard> card = TestCard.of(cardNumber);
        // Every field that is wrong is said at once, each beside its field, as on the site's own forms.
        List<FieldProblem> problems = new ArrayList<>();
        if (card.isEmpty()) {
            problems.add(new FieldProblem(
                    "cardNumber",
                    "This is the sandbox: no real card can be used. Enter one of the test card numbers below."));
        }
        if (!validExpiry(expiry)) {
            problems.add(new FieldProblem("expiry", "Enter the expiry date as MM/YY, in the future, such as 12/34."));
        }
        if (!cvc.strip().matches("\\d{3,4}")) {
            problems.add(new FieldProblem("cvc", "Enter the security code: three digits, such as 123."));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return show(checkout, model, cardNumber, expiry, cvc, null);
        }
        return switch (checkouts.pay(id, card.orElseThrow())) {
            case SandboxCheckouts.Payment.Paid paid -> "redirect:" + paid.successUrl();
            case SandboxCheckouts.Payment.Declined declined ->
                show(checkout, model, cardNumber, expiry, cvc, declined.message());
        };
    }

    /** What is wrong with one field of the card form, said beside it and listed above the form. */
    record FieldProblem(String field, String message) {}

    private String show(
            SandboxStore.CheckoutRow checkout,
            Model model,
            String cardNumber,
            String expiry,
            String cvc,
            @Nullable String error) {
        model.addAttribute("checkout", checkout);
        model.addAttribute("cardNumber", cardNumber);
        model.addAttribute("expiry", expiry);
        model.addAttribute("cvc", cvc);
        model.addAttribute("error", error);
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        model.addAttribute("cards", TestCard.values());
        return "payments/sandbox-checkout";
    }

    private SandboxStore.CheckoutRow checkout(String id) {
        if (!SandboxProvider.NAME.equals(payments.providerName())) {
            throw new NotFoundException(NO_CHECKOUT);
        }
        return checkouts.openCheckout(id).orElseThrow(() -> new NotFoundException(NO_CHECKOUT));
    }

    private boolean validExpiry(String expiry) {
        String plain = expiry.replace(" ", "");
        if (!plain.matches("(0[1-9]|1[0-2])/\\d{2}")) {
            return false;
        }
        YearMonth month =
                YearMonth.of(2000 + Integer.parseInt(plain.substring(3)), Integer.parseInt(plain.substring(0, 2)));
        return !month.isBefore(YearMonth.now(clock.withZone(site.timeZone())));
    }
}
