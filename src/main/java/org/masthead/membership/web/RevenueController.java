package org.masthead.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.masthead.membership.internal.Asks;
import org.masthead.membership.internal.Revenue;
import org.masthead.payments.Money;
import org.masthead.platform.BarChart;
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
    /** Days are labelled on the axis a week apart. */
    static final int WEEK = 7;

    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final Revenue revenue;
    private final Asks asks;
    private final SiteProperties site;
    private final CurrencyChoice currencies;

    RevenueController(Revenue revenue, Asks asks, SiteProperties site, CurrencyChoice currencies) {
        this.revenue = revenue;
        this.asks = asks;
        this.site = site;
        this.currencies = currencies;
    }

    @GetMapping
    String dashboard(
            @RequestParam(required = false) @Nullable String currency,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Currency shown = currencies.of(currency, request, response);
        String chosen = shown.getCurrencyCode();
        List<Revenue.Point> contributions = revenue.contributionsPerDay(chosen, DAYS, site.timeZone());
        List<Revenue.Point> supporters = revenue.supportersPerDay(DAYS, site.timeZone());
        List<Revenue.Point> premium = revenue.premiumMembersPerDay(DAYS, site.timeZone());
        model.addAttribute("currency", chosen);
        model.addAttribute("currencies", currencies.options(shown, "/admin/membership"));
        model.addAttribute(
                "contributionsChart",
                BarChart.of(
                        "contributions",
                        "Contributions paid per day, " + chosen,
                        "Day",
                        "Paid",
                        perDay(contributions, value -> Money.of(value, chosen).format()),
                        value -> Money.of(value, chosen).format(),
                        // Gridlines on whole pounds, dollars or euros.
                        (long) Math.pow(10, shown.getDefaultFractionDigits()),
                        WEEK));
        model.addAttribute(
                "supportersChart", counts("supporters", "Supporters at the end of each day", "Supporters", supporters));
        model.addAttribute(
                "premiumChart",
                counts("premium", "Premium members at the end of each day", "Premium members", premium));
        model.addAttribute("supportersNow", supporters.getLast().value());
        model.addAttribute("premiumNow", premium.getLast().value());
        model.addAttribute("mrr", revenue.monthlyRecurringRevenue());
        model.addAttribute("churn", revenue.churn(DAYS));
        List<Asks.Results> results = asks.results();
        model.addAttribute("asks", results);
        model.addAttribute(
                "askChart",
                BarChart.of(
                        "asks",
                        "Paid contributions per 1,000 views of each ask variant",
                        "Variant",
                        "Paid per 1,000 views",
                        results.stream()
                                .map(r -> new BarChart.Datum(
                                        r.code(),
                                        "Variant " + r.code(),
                                        r.paidPerThousandViews(),
                                        String.valueOf(r.paidPerThousandViews())))
                                .toList(),
                        String::valueOf,
                        1,
                        1));
        return "membership/admin-revenue";
    }

    private BarChart counts(String id, String title, String heading, List<Revenue.Point> points) {
        return BarChart.of(id, title, "Day", heading, perDay(points, String::valueOf), String::valueOf, 1, WEEK);
    }

    private List<BarChart.Datum> perDay(List<Revenue.Point> points, LongFunction<String> format) {
        return points.stream()
                .map(p -> new BarChart.Datum(
                        SHORT_DAY.withLocale(site.locale()).format(p.day()),
                        DAY.withLocale(site.locale()).format(p.day()),
                        p.value(),
                        format.apply(p.value())))
                .toList();
    }
}
