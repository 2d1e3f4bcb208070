package org.masthead.membership.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.masthead.membership.internal.Plans;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentRejectedException;
import org.masthead.platform.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Premium plans for admins: each plan's name, free trial, whether it is offered, and its price in each
 * currency, written as people write amounts ("5.00"). New prices apply to new subscriptions; existing
 * ones keep theirs until a reader switches plan.
 */
@Controller
@RequestMapping("/admin/membership/plans")
class PlanAdminController {

    private final Plans plans;

    PlanAdminController(Plans plans) {
        this.plans = plans;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("plans", plans.all());
        model.addAttribute("currencies", List.of("GBP", "USD", "EUR"));
        return "membership/admin-plans";
    }

    @PostMapping
    View update(
            @RequestParam String interval,
            @RequestParam String name,
            @RequestParam(defaultValue = "0") int trialDays,
            @RequestParam(defaultValue = "false") boolean available,
            @RequestParam Map<String, String> fields,
            RedirectAttributes redirect) {
        try {
            List<Money> prices = new ArrayList<>();
            for (String currency : List.of("GBP", "USD", "EUR")) {
                String amount = fields.get("price" + currency);
                if (amount != null && !amount.isBlank()) {
                    prices.add(Money.parse(amount, currency));
                }
            }
            plans.update(BillingInterval.valueOf(interval), name, trialDays, available, prices);
            redirect.addFlashAttribute("notice", "The plan is saved.");
        } catch (RefusedException | PaymentRejectedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "There is no such plan.");
        }
        return Redirects.seeOther("/admin/membership/plans");
    }
}
