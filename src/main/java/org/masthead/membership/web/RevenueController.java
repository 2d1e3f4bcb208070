package org.masthead.membership.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.masthead.membership.internal.Asks;
import org.masthead.membership.internal.Revenue;
import org.masthead.payments.Money;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The revenue dashboard for admins: contributions per day, supporters and Premium members, monthly
 * recurring revenue, churn and the ask's variants, as charts drawn on the server (inline SVG, no
 * script) over the last 30 days, days in the site's time zone.
 */
@Controller
@RequestMapping("/admin/membership")
class RevenueController {

    static final int DAYS = 30;

    private final Revenue revenue;
    private final Asks asks;
    private final SiteProperties site;

    RevenueController(Revenue revenue, Asks asks, SiteProperties site) {
        this.revenue = revenue;
        this.asks = asks;
        this.site = site;
    }

    @GetMapping
    String dashboard(@RequestParam(required = false) @Nullable String currency, Model model) {
        String chosen = Currencies.choose(currency, Locale.UK).getCurrencyCode();
        List<Revenue.Point> contributions = revenue.contributionsPerDay(chosen, DAYS, site.timeZone());
        List<Revenue.Point> supporters = revenue.supportersPerDay(DAYS, site.timeZone());
        List<Revenue.Point> premium = revenue.premiumMembersPerDay(DAYS, site.timeZone());
        model.addAttribute("currency", chosen);
        model.addAttribute("currencies", List.of("GBP", "USD", "EUR"));
        model.addAttribute(
                "contributionsChart",
                BarChart.of(
                        "Contributions paid per day, " + chosen,
                        contributions.stream()
                                .map(p -> new BarChart.Datum(
                                        p.day().toString(),
                                        p.value(),
                                        Money.of(p.value(), chosen).format()))
                                .toList()));
        model.addAttribute("supportersChart", counts("Supporters at the end of each day", supporters));
        model.addAttribute("premiumChart", counts("Premium members at the end of each day", premium));
        model.addAttribute("supportersNow", supporters.getLast().value());
        model.addAttribute("premiumNow", premium.getLast().value());
        model.addAttribute("mrr", revenue.monthlyRecurringRevenue());
        model.addAttribute("churn", revenue.churn(DAYS));
        List<Asks.Results> results = asks.results();
        model.addAttribute("asks", results);
        model.addAttribute(
                "askChart",
                BarChart.of(
                        "Paid contributions per 1,000 views of each ask variant",
                        results.stream()
                                .map(r -> new BarChart.Datum(
                                        "Variant " + r.code(),
                                        r.paidPerThousandViews(),
                                        String.valueOf(r.paidPerThousandViews())))
                                .toList()));
        return "membership/admin-revenue";
    }

    private static BarChart counts(String title, List<Revenue.Point> points) {
        return BarChart.of(
                title,
                points.stream()
                        .map(p -> new BarChart.Datum(p.day().toString(), p.value(), String.valueOf(p.value())))
                        .toList());
    }
}
