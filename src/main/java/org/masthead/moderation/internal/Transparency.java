package org.masthead.moderation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.masthead.platform.SiteProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the public transparency report, per month in the site's time zone: comments
 * published and held, comments removed (by a moderator, with the reason, or refused by a rule), reports,
 * sanctions, and appeals with their outcomes. Read from moderation's own tables and tallies.
 */
@Service
public class Transparency {

    /**
     * How many of each thing happened in each month.
     *
     * @param months the months reported, oldest first
     * @param counts per kind of thing (such as {@code published}, {@code removed:spam}, {@code
     *     refused:banned-words}, {@code sanction:warn}, {@code appeal:upheld}), the count per month
     */
    public record Figures(List<YearMonth> months, Map<String, Map<YearMonth, Long>> counts) {

        /** The count of this thing in that month; 0 if none. */
        public long of(String what, YearMonth month) {
            return counts.getOrDefault(what, Map.of()).getOrDefault(month, 0L);
        }

        /** The sum, in that month, of every thing whose name starts with this. */
        public long sumOf(String prefix, YearMonth month) {
            return counts.entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith(prefix))
                    .mapToLong(entry -> entry.getValue().getOrDefault(month, 0L))
                    .sum();
        }

        /** The things counted whose names start with this, without it, such as the reasons for removals. */
        public List<String> kindsOf(String prefix) {
            return counts.keySet().stream()
                    .filter(what -> what.startsWith(prefix))
                    .map(what -> what.substring(prefix.length()))
                    .sorted()
                    .toList();
        }
    }

    private record Count(YearMonth month, String what, long n) {}

    private final JdbcClient db;
    private final SiteProperties site;
    private final Clock clock;

    Transparency(JdbcClient db, SiteProperties site, Clock clock) {
        this.db = db;
        this.site = site;
        this.clock = clock;
    }

    /** The figures of the last {@code months} months, this one included. */
    @Transactional(readOnly = true)
    public Figures lastMonths(int months) {
        YearMonth now = YearMonth.from(LocalDate.ofInstant(clock.instant(), site.timeZone()));
        YearMonth first = now.minusMonths(months - 1L);
        List<YearMonth> shown = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(now); month = month.plusMonths(1)) {
            shown.add(month);
        }
        LocalDate start = first.atDay(1);
        Map<String, Map<YearMonth, Long>> counts = new HashMap<>();
        db.sql(
                        """
                        SELECT to_char(at AT TIME ZONE :zone, 'YYYY-MM') AS month, what, count(*) AS n FROM (
                            SELECT screened_at AS at,
                                   CASE WHEN outcome = 'publish' OR step = 'reports' THEN 'published' ELSE 'held' END
                                       AS what
                            FROM moderation_screening WHERE screened_at >= :since
                            UNION ALL
                            SELECT decided_at, CASE action WHEN 'approve' THEN 'published'
                                                           WHEN 'reject' THEN 'removed:' || reason END
                            FROM moderation_decision WHERE action IN ('approve', 'reject') AND decided_at >= :since
                            UNION ALL
                            SELECT starts_at, 'sanction:' || kind FROM moderation_sanction WHERE starts_at >= :since
                            UNION ALL
                            SELECT appealed_at, 'appealed' FROM moderation_appeal WHERE appealed_at >= :since
                            UNION ALL
                            SELECT decided_at, 'appeal:' || outcome FROM moderation_appeal WHERE decided_at >= :since
                        ) facts GROUP BY 1, 2
                        UNION ALL
                        SELECT to_char(month, 'YYYY-MM'), what, count FROM moderation_tally WHERE month >= :first""")
                .param("zone", site.timeZone().getId())
                .param(
                        "since",
                        Timestamp.from(start.atStartOfDay(site.timeZone()).toInstant()))
                .param("first", java.sql.Date.valueOf(start))
                .query((rs, n) ->
                        new Count(YearMonth.parse(rs.getString("month")), rs.getString("what"), rs.getLong("n")))
                .list()
                .forEach(count -> counts.computeIfAbsent(count.what(), what -> new HashMap<>())
                        .merge(count.month(), count.n(), Long::sum));
        return new Figures(List.copyOf(shown), counts);
    }
}
