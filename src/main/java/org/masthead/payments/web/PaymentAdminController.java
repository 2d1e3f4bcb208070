package org.masthead.payments.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.AccountSummary;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.SignedIn;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentProviderException;
import org.masthead.payments.PaymentRejectedException;
import org.masthead.payments.Payments;
import org.masthead.payments.PaymentsProperties;
import org.masthead.payments.internal.Ledger;
import org.masthead.payments.internal.LedgerEntry;
import org.masthead.payments.internal.PaymentAudit;
import org.masthead.payments.internal.sandbox.SandboxClock;
import org.masthead.payments.internal.sandbox.SandboxProvider;
import org.masthead.payments.internal.sandbox.SandboxRenewals;
import org.masthead.platform.FormDates;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.SiteProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The payments ledger for admins: search by address, reference and dates (in the site's time zone),
 * newest first, a page at a time; an entry's history and audit log; refunds, whole or in part. A
 * refund is asked of the provider through {@link Payments#refund}; the ledger shows it when the
 * provider's webhook confirms it.
 */
@Controller
@RequestMapping("/admin/payments")
class PaymentAdminController {

    static final int PAGE_SIZE = 50;
    static final int MAX_CLOCK_DAYS = 400;
    private static final String NO_PAYMENT = "There is no such payment.";

    private final Ledger ledger;
    private final Payments payments;
    private final PaymentAudit audit;
    private final SiteProperties site;
    private final SandboxClock sandboxClock;
    private final SandboxRenewals renewals;
    private final PaymentsProperties properties;
    private final Accounts accounts;

    PaymentAdminController(
            Ledger ledger,
            Payments payments,
            PaymentAudit audit,
            SiteProperties site,
            SandboxClock sandboxClock,
            SandboxRenewals renewals,
            PaymentsProperties properties,
            Accounts accounts) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.payments = payments;
        this.audit = audit;
        this.site = site;
        this.sandboxClock = sandboxClock;
        this.renewals = renewals;
        this.properties = properties;
    }

    /** Sandbox days: each a thirtieth of its configured month. */
    private Duration sandboxDays(int days) {
        return properties.sandbox().day().multipliedBy(days);
    }

    @GetMapping
    String search(
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String until,
            @RequestParam(required = false) @Nullable String after,
            Model model) {
        List<String> problems = new ArrayList<>();
        LocalDate fromDay = day(from, "From", problems);
        LocalDate untilDay = day(until, "Until", problems);
        Ledger.Search search = new Ledger.Search(
                blankToNull(email),
                blankToNull(reference),
                fromDay == null ? null : startOf(fromDay),
                untilDay == null ? null : startOf(untilDay.plusDays(1)));
        List<LedgerEntry> entries = ledger.search(search, Ledger.Cursor.parse(after), PAGE_SIZE);
        model.addAttribute("entries", entries);
        model.addAttribute("email", search.email());
        model.addAttribute("reference", search.reference());
        model.addAttribute("from", fromDay);
        model.addAttribute("until", untilDay);
        model.addAttribute("problems", problems);
        model.addAttribute("provider", payments.providerName());
        if (SandboxProvider.NAME.equals(payments.providerName())) {
            model.addAttribute("sandboxClockDays", sandboxClock.offset().dividedBy(sandboxDays(1)));
        }
        model.addAttribute(
                "next",
                entries.size() == PAGE_SIZE
                        ? new Ledger.Cursor(
                                        entries.getLast().occurredAt(),
                                        entries.getLast().id())
                                .toString()
                        : null);
        return "admin/payments";
    }

    /** Moves the sandbox's billing clock on, so admins and demos see renewals without waiting. */
    @PostMapping("/sandbox-clock")
    String advanceSandboxClock(@RequestParam int days, RedirectAttributes redirect) {
        if (!SandboxProvider.NAME.equals(payments.providerName())) {
            throw new NotFoundException("The sandbox is not in use.");
        }
        if (days < 1 || days > MAX_CLOCK_DAYS) {
            redirect.addFlashAttribute("error", "Move the clock on by 1 to " + MAX_CLOCK_DAYS + " days.");
            return "redirect:/admin/payments";
        }
        int handled = renewals.advance(sandboxDays(days));
        redirect.addFlashAttribute(
                "notice",
                "The sandbox's clock moved on " + days + (days == 1 ? " day" : " days") + ": " + handled
                        + (handled == 1 ? " subscription" : " subscriptions") + " renewed, retried or ended.");
        return "redirect:/admin/payments";
    }

    @GetMapping("/{id:\\d{1,18}}")
    String entry(@PathVariable long id, Model model) {
        LedgerEntry entry = ledger.entry(id).orElseThrow(() -> new NotFoundException(NO_PAYMENT));
        model.addAttribute("entry", entry);
        model.addAttribute("history", ledger.history(entry.provider(), entry.chargeId()));
        model.addAttribute("refundable", entry.refundable());
        List<PaymentAudit.Line> lines = audit.forCharge(entry.chargeId());
        model.addAttribute("audit", lines);
        // People by name, as the accounts audit log has them; an account deleted since keeps its number.
        Map<Long, String> names = new HashMap<>();
        lines.forEach(line -> nameOf(line.actorId(), names));
        if (entry.accountId() != null) {
            nameOf(entry.accountId(), names);
        }
        model.addAttribute("names", names);
        return "admin/payment";
    }

    @PostMapping("/{id:\\d{1,18}}/refund")
    String refund(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal SignedIn admin,
            RedirectAttributes redirect) {
        LedgerEntry entry = ledger.entry(id)
                .filter(e -> e.entry() == LedgerEntry.Entry.CHARGE)
                .orElseThrow(() -> new NotFoundException(NO_PAYMENT));
        try {
            Money asked =
                    amount.isBlank() ? null : Money.parse(amount, entry.amount().currencyCode());
            Money refunded = payments.refund(entry.chargeId(), asked, admin.accountId(), reason);
            redirect.addFlashAttribute(
                    "notice",
                    "A refund of " + refunded.format() + " was asked of the payment provider. It appears here when the "
                            + "provider confirms it.");
        } catch (PaymentRejectedException | PaymentProviderException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/payments/" + id;
    }

    private void nameOf(long accountId, Map<Long, String> names) {
        if (!names.containsKey(accountId)) {
            accounts.find(accountId).map(AccountSummary::displayName).ifPresent(name -> names.put(accountId, name));
        }
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(site.timeZone()).toInstant();
    }

    private static @Nullable LocalDate day(@Nullable String text, String label, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return FormDates.day(text);
        } catch (DateTimeException e) {
            problems.add(label + " must be a date such as 2026-11-25; it was left out of the search.");
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
