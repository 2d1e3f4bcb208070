package org.masthead.moderation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.masthead.moderation.internal.Decisions;
import org.masthead.moderation.internal.Transparency;
import org.masthead.moderation.internal.Transparency.Figures;
import org.masthead.platform.BarChart;
import org.masthead.platform.PublicPages;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public transparency report: what moderation did each month of the last year, as charts drawn on
 * the server, each with its figures in a table, and the breakdowns (why comments were removed, and by
 * whom or which rule; sanctions by kind; appeals by outcome). The same for everyone, so cached.
 */
@Controller
class TransparencyController {

    static final int MONTHS = 12;
    /** Every third month is labelled on the axis, the latest always. */
    private static final int QUARTER = 3;

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM yyyy");
    private static final java.util.Map<String, String> SANCTIONS = java.util.Map.of(
            "warn", "Warnings", "premoderate", "Pre-moderation", "suspend", "Suspensions", "ban", "Bans");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("MMMM yyyy");

    /**
     * One measure: its chart, and a table that breaks each month down (empty when there is nothing to
     * break down).
     */
    record Measure(BarChart chart, String explanation, List<String> columns, List<Row> rows) {}

    record Row(String month, List<Long> values) {}

    private final Transparency transparency;
    private final PublicPages publicPages;
    private final SiteProperties site;
    private final Clock clock;

    TransparencyController(Transparency transparency, PublicPages publicPages, SiteProperties site, Clock clock) {
        this.transparency = transparency;
        this.publicPages = publicPages;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping("/transparency")
    String report(HttpServletResponse response, Model model) {
        Figures figures = transparency.lastMonths(MONTHS);
        List<Measure> measures = List.of(
                measure(
                        figures,
                        "published",
                        "Comments published each month",
                        "Published",
                        "Comments that joined the conversation: at once, or when a moderator approved them.",
                        month -> figures.of("published", month)),
                breakdown(
                        measure(
                                figures,
                                "held",
                                "Comments held for a moderator each month",
                                "Held",
                                "Held by one of our rules before anyone saw them, or taken out of the conversation"
                                        + " after several readers reported them.",
                                month -> figures.of("held", month) + figures.of("held-reports", month)),
                        figures,
                        List.of("By a rule", "After reports"),
                        List.of(month -> figures.of("held", month), month -> figures.of("held-reports", month))),
                removed(figures),
                measure(
                        figures,
                        "reports",
                        "Reports received each month",
                        "Reports",
                        "Readers' reports of comments to the moderators.",
                        month -> figures.of("reports", month)),
                sanctions(figures),
                appeals(figures));
        model.addAttribute("measures", measures);
        model.addAttribute(
                "from", LONG.withLocale(site.locale()).format(figures.months().getFirst()));
        model.addAttribute(
                "to", LONG.withLocale(site.locale()).format(figures.months().getLast()));
        publicPages.mark(response, clock.instant().truncatedTo(ChronoUnit.SECONDS), List.of("transparency"));
        return "moderation/transparency";
    }

    private Measure removed(Figures figures) {
        List<String> reasons = figures.kindsOf("removed:");
        List<String> rules = figures.kindsOf("refused:");
        List<String> columns = new ArrayList<>();
        List<ToLongFunction<YearMonth>> values = new ArrayList<>();
        reasons.forEach(reason -> {
            columns.add("By a moderator: " + Decisions.REJECTION_REASONS.getOrDefault(reason, reason));
            values.add(month -> figures.of("removed:" + reason, month));
        });
        rules.forEach(rule -> {
            columns.add("Refused by a rule: " + Decisions.REFUSING_CHECKS.getOrDefault(rule, rule));
            values.add(month -> figures.of("refused:" + rule, month));
        });
        return breakdown(
                measure(
                        figures,
                        "removed",
                        "Comments removed or refused each month",
                        "Removed or refused",
                        "Removed by a moderator, with the reason they gave; or refused by one of our rules as they"
                                + " were posted (a banned word, the same text again, a suspended or banned reader).",
                        month -> figures.sumOf("removed:", month) + figures.sumOf("refused:", month)),
                figures,
                columns,
                values);
    }

    private Measure appeals(Figures figures) {
        return breakdown(
                measure(
                        figures,
                        "appeals",
                        "Appeals each month",
                        "Appeals",
                        "Readers' appeals against a removal or a sanction, and how moderators decided them.",
                        month -> figures.of("appealed", month)),
                figures,
                List.of("Upheld", "Overturned"),
                List.of(month -> figures.of("appeal:upheld", month), month -> figures.of("appeal:overturned", month)));
    }

    private Measure sanctions(Figures figures) {
        List<String> kinds = figures.kindsOf("sanction:");
        return breakdown(
                measure(
                        figures,
                        "sanctions",
                        "Sanctions each month",
                        "Sanctions",
                        "Warnings, pre-moderation, suspensions and bans.",
                        month -> figures.sumOf("sanction:", month)),
                figures,
                kinds.stream().map(kind -> SANCTIONS.getOrDefault(kind, kind)).toList(),
                kinds.stream()
                        .<ToLongFunction<YearMonth>>map(kind -> month -> figures.of("sanction:" + kind, month))
                        .toList());
    }

    private Measure measure(
            Figures figures,
            String id,
            String title,
            String heading,
            String explanation,
            ToLongFunction<YearMonth> value) {
        List<BarChart.Datum> data = figures.months().stream()
                .map(month -> {
                    long count = value.applyAsLong(month);
                    return new BarChart.Datum(
                            SHORT.withLocale(site.locale()).format(month),
                            LONG.withLocale(site.locale()).format(month),
                            count,
                            String.valueOf(count));
                })
                .toList();
        return new Measure(
                BarChart.of(id, title, "Month", heading, data, String::valueOf, 1, QUARTER),
                explanation,
                List.of(),
                List.of());
    }

    private Measure breakdown(
            Measure measure, Figures figures, List<String> columns, List<ToLongFunction<YearMonth>> values) {
        if (columns.isEmpty()) {
            return measure;
        }
        List<Row> rows = figures.months().stream()
                .map(month -> new Row(
                        LONG.withLocale(site.locale()).format(month),
                        values.stream().map(v -> v.applyAsLong(month)).toList()))
                .toList();
        return new Measure(measure.chart(), measure.explanation(), columns, rows);
    }
}
