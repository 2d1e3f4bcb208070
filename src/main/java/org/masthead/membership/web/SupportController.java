package org.masthead.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.SignedIn;
import org.masthead.mail.DeliverableAddress;
import org.masthead.membership.MembershipProperties;
import org.masthead.membership.internal.Asks;
import org.masthead.membership.internal.ContributionCheckouts;
import org.masthead.membership.internal.Frequency;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentRejectedException;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The support page: how often, how much (a preset or the reader's own amount, in the site's home
 * currency or the one they chose; see {@link CurrencyChoice}) and, for a guest, the address for the
 * receipt. The amount is
 * checked against the payments limits before any checkout opens; a guest's contributions join the
 * account they later register with that address.
 */
@Controller
@RequestMapping("/support")
class SupportController {

    // The ids of the inputs a problem can be beside, which the error summary links to.
    private static final String FREQUENCY = "frequency-ONE_OFF";
    private static final String AMOUNT = "customAmount";
    private static final String EMAIL = "email";
    private static final String OTHER = "other";
    private static final String CANCELLED = "cancelled";
    private static final int MAX_WRITTEN_AMOUNT = 20;

    private final ContributionCheckouts checkouts;
    private final MembershipProperties properties;
    private final Asks asks;
    private final ReturnAddresses addresses;
    private final CurrencyChoice currencies;
    private final Validator validator;
    private final Accounts accounts;

    SupportController(
            ContributionCheckouts checkouts,
            MembershipProperties properties,
            Asks asks,
            ReturnAddresses addresses,
            CurrencyChoice currencies,
            Validator validator,
            Accounts accounts) {
        this.validator = validator;
        this.accounts = accounts;
        this.checkouts = checkouts;
        this.properties = properties;
        this.asks = asks;
        this.addresses = addresses;
        this.currencies = currencies;
    }

    /** What the form was filled in with, to show it again with a problem. */
    record SupportForm(
            String frequency, String amount, String customAmount, String currency, String email, String variant) {}

    /**
     * The form, empty or (from the checkout's "Cancel and go back", see {@link #leftAt}) as the reader left
     * it. What the address says only fills the form in: anything it says that the form does not offer is
     * passed over, and nothing is given until the form is posted.
     */
    @GetMapping
    String page(
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String variant,
            @RequestParam(required = false) @Nullable String frequency,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String customAmount,
            @RequestParam(name = CANCELLED, defaultValue = "false") boolean cancelled,
            @AuthenticationPrincipal @Nullable SignedIn reader,
            HttpMethod method,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Currency chosen = currencies.of(currency, request, response);
        List<Money> presets = presets(chosen);
        if (asks.known(variant) && currency == null && method == HttpMethod.GET) {
            // The ask's link, which names no currency, leads here: this is its click. The currency
            // switch keeps the variant for the form, and is not another click; a HEAD (a link checker) is not one.
            asks.clicked(variant);
        }
        boolean own = OTHER.equals(amount);
        boolean preset = presets.stream().map(Money::toPlainString).anyMatch(p -> p.equals(amount));
        model.addAttribute("cancelled", cancelled);
        return show(
                new SupportForm(
                        Arrays.stream(Frequency.values())
                                .map(Frequency::name)
                                .filter(f -> f.equals(frequency))
                                .findFirst()
                                .orElse(Frequency.ONE_OFF.name()),
                        own || preset ? amount : presets.get(presets.size() / 2).toPlainString(),
                        own && customAmount != null && customAmount.length() <= MAX_WRITTEN_AMOUNT ? customAmount : "",
                        chosen.getCurrencyCode(),
                        "",
                        asks.known(variant) ? variant : ""),
                reader,
                List.of(),
                model);
    }

    /**
     * Where the checkout's "Cancel and go back" leads: this page, with the form as the reader left it
     * (how often, how much, the currency, the ask they came from) and word that nothing was charged. No
     * e-mail address is written into it: an address in a URL ends up in browser histories and in the logs
     * of every proxy and cache on the way, so a guest types theirs again.
     */
    private URI leftAt(SupportForm form) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("currency", form.currency());
        query.put("frequency", form.frequency());
        query.put("amount", form.amount().isBlank() ? OTHER : form.amount());
        if (!form.customAmount().isBlank()) {
            query.put("customAmount", form.customAmount().strip());
        }
        if (asks.known(form.variant())) {
            query.put("variant", form.variant());
        }
        query.put(CANCELLED, "true");
        return addresses.of("/support?"
                + query.entrySet().stream()
                        .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
    }

    /**
     * What is wrong with the form, beside the field it is about: {@code field} is the id of the input
     * the error summary links to, or null for a problem with no one field.
     */
    record Problem(@Nullable String field, String message) {}

    /** A guest's address for the receipt, checked as the registration form checks one. */
    record GuestAddress(
            @NotBlank(message = "Enter your e-mail address, for the receipt.")
                    @DeliverableAddress
                    @Size(max = 254, message = "That address is too long.")
                    String email) {}

    @PostMapping
    String give(
            @RequestParam(defaultValue = "") String frequency,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String customAmount,
            @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String variant,
            @AuthenticationPrincipal @Nullable SignedIn reader,
            Model model) {
        SupportForm form = new SupportForm(
                frequency,
                amount,
                amount.equals(OTHER) || amount.isBlank() ? customAmount : "",
                // An unknown currency is refused below; the form comes back in the home currency.
                currencies.supported(currency).orElse(properties.homeCurrency()).getCurrencyCode(),
                email,
                variant);
        // Say everything that is wrong with the form at once, each beside its field.
        List<Problem> problems = new ArrayList<>();
        Frequency how = null;
        try {
            how = frequency(frequency);
        } catch (PaymentRejectedException e) {
            problems.add(new Problem(FREQUENCY, e.getMessage()));
        }
        Money money = null;
        try {
            // The ticked choice decides: with a preset ticked, whatever was left in "Another amount"
            // (typed before the reader changed their mind) is not read at all.
            boolean own = amount.equals(OTHER) || amount.isBlank();
            money = checkouts.amount(own ? customAmount : amount, currency);
        } catch (PaymentRejectedException e) {
            money = null;
            // An unknown currency is no field's fault: the form sends the one the reader chose.
            problems.add(new Problem(currencies.supported(currency).isPresent() ? AMOUNT : null, e.getMessage()));
        }
        String address = reader != null ? accounts.currentAddressOf(reader.accountId()) : email.strip();
        if (reader == null) {
            validator.validate(new GuestAddress(address)).stream()
                    .map(ConstraintViolation::getMessage)
                    .sorted()
                    .findFirst()
                    .ifPresent(message -> problems.add(new Problem(EMAIL, message)));
        }
        if (how == null || money == null || !problems.isEmpty()) {
            return show(form, reader, problems, model);
        }
        try {
            ContributionCheckouts.Gift gift = new ContributionCheckouts.Gift(
                    how,
                    money,
                    address,
                    reader == null ? null : reader.accountId(),
                    asks.known(variant) ? variant : null);
            URI success = addresses.of("/support/thanks");
            URI cancel = leftAt(form);
            return "redirect:" + checkouts.start(gift, success, cancel).redirectTo();
        } catch (PaymentRejectedException e) {
            return show(form, reader, List.of(new Problem(null, e.getMessage())), model);
        }
    }

    @GetMapping("/thanks")
    String thanks() {
        return "membership/support-thanks";
    }

    private String show(SupportForm form, @Nullable SignedIn reader, List<Problem> problems, Model model) {
        Currency currency = Money.currency(form.currency());
        model.addAttribute("form", form);
        model.addAttribute(
                "currencies",
                asks.known(form.variant())
                        ? currencies.options(currency, "/support", "variant", form.variant())
                        : currencies.options(currency, "/support"));
        model.addAttribute("presets", presets(currency));
        model.addAttribute("signedIn", reader != null);
        model.addAttribute("problems", problems);
        return "membership/support";
    }

    private List<Money> presets(Currency currency) {
        return properties.presetAmounts().stream()
                .map(minor -> new Money(minor, currency))
                .toList();
    }

    private static Frequency frequency(String frequency) {
        try {
            return Frequency.valueOf(frequency);
        } catch (IllegalArgumentException e) {
            throw new PaymentRejectedException("Choose how often to give.");
        }
    }
}
