package org.masthead.membership.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.masthead.payments.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The revenue dashboard's figures, read from membership's own records. Money stays in integer minor
 * units and in its currency: amounts in different currencies are never added together.
 */
@Service
public class Revenue {

    private final JdbcClient db;
    private final Clock clock;

    Revenue(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A value on a day. */
    public record Point(LocalDate day, long value) {}

    /**
     * @param canceled subscriptions (Premium and recurring contributions) that ended in the window
     * @param liveAtStart those live when the window began, or begun in it
     */
    public record Churn(long canceled, long liveAtStart) {

        /** Per thousand, rounded down: whole numbers, no floating point. */
        public long perThousand() {
            return liveAtStart == 0 ? 0 : canceled * 1000 / liveAtStart;
        }
    }

    /** Contributions paid each day, in minor units of this currency, for the last {@code days} days. */
    public List<Point> contributionsPerDay(String currency, int days, ZoneId zone) {
        return series(
                days,
                zone,
                """
                SELECT coalesce(sum(p.minor_units), 0) FROM membership_payment p
                WHERE p.succeeded AND p.reference LIKE 'contribution-%' AND p.currency = :currency
                  AND p.occurred_at >= :dayStart AND p.occurred_at < :dayEnd""",
                Map.of("currency", currency));
    }

    /** Readers with Premium at the end of each day. */
    public List<Point> premiumMembersPerDay(int days, ZoneId zone) {
        return series(
                days,
                zone,
                """
                SELECT count(DISTINCT account_id) FROM premium_subscription
                WHERE status IS NOT NULL AND started_at < :dayEnd
                  AND (status <> 'CANCELED' OR changed_at >= :dayEnd)""",
                Map.of());
    }

    /**
     * Supporters at the end of each day: a live recurring contribution, or a one-off within a year and not
     * yet given back in full (a refund is the last change to a one-off contribution, so its time is then).
     */
    public List<Point> supportersPerDay(int days, ZoneId zone) {
        return series(
                days,
                zone,
                """
                SELECT count(DISTINCT coalesce(account_id::text, lower(email))) FROM contribution
                WHERE first_paid_at < :dayEnd AND (
                    (frequency = 'ONE_OFF' AND first_paid_at >= CAST(:dayEnd AS TIMESTAMPTZ) - INTERVAL '365 days'
                        AND (NOT fully_refunded OR changed_at >= :dayEnd))
                    OR (frequency <> 'ONE_OFF' AND (status <> 'CANCELED' OR changed_at >= :dayEnd)))""",
                Map.of());
    }

    /**
     * What live subscriptions (Premium and recurring contributions) bring in a month, per currency: a
     * yearly one counts a twelfth of its price. See {@link Charges#perMonth()} for the rounding.
     */
    public Map<String, Money> monthlyRecurringRevenue() {
        Map<String, Charges> charges = new TreeMap<>();
        db.sql(
                        """
                        SELECT currency, billing_interval = 'YEAR', sum(price_minor_units)
                        FROM premium_subscription WHERE status IN ('TRIALING', 'ACTIVE', 'PAST_DUE')
                        GROUP BY currency, billing_interval
                        UNION ALL
                        SELECT currency, frequency = 'YEAR', sum(minor_units)
                        FROM contribution
                        WHERE frequency <> 'ONE_OFF' AND status IN ('TRIALING', 'ACTIVE', 'PAST_DUE')
                        GROUP BY currency, frequency""")
                .query(rs -> {
                    Money sum = Money.of(rs.getLong(3), rs.getString(1));
                    Money none = Money.zero(sum.currency());
                    Charges more = rs.getBoolean(2) ? new Charges(none, sum) : new Charges(sum, none);
                    charges.merge(sum.currencyCode(), more, Charges::plus);
                });
        Map<String, Money> revenue = new TreeMap<>();
        charges.forEach((currency, sums) -> revenue.put(currency, sums.perMonth()));
        return revenue;
    }

    /** What live subscriptions in one currency charge: the monthly ones' prices summed, and the yearly ones'. */
    record Charges(Money monthly, Money yearly) {

        Charges plus(Charges other) {
            return new Charges(monthly.plus(other.monthly), yearly.plus(other.yearly));
        }

        /**
         * The monthly ones and a twelfth of the yearly ones, rounded half up to the minor unit once, on
         * the sum: £5 + £50 a year is £9.17, not the £9.16 that dropping the fraction gave.
         */
        Money perMonth() {
            long twelfth = Math.floorDiv(Math.addExact(yearly.minorUnits(), 6), 12);
            return monthly.plus(new Money(twelfth, yearly.currency()));
        }
    }

    /** Subscriptions that ended in the last {@code days} days, against those live at its start. */
    public Churn churn(int days) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        String subscriptions =
                """
                SELECT status, changed_at, started_at FROM premium_subscription WHERE status IS NOT NULL
                UNION ALL
                SELECT status, changed_at, started_at FROM contribution WHERE frequency <> 'ONE_OFF' AND status IS NOT NULL""";
        long canceled = db.sql("SELECT count(*) FROM (" + subscriptions
                        + ") s WHERE s.status = 'CANCELED' AND s.changed_at >= :since")
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
        long live = db.sql("SELECT count(*) FROM (" + subscriptions
                        + ") s WHERE s.status <> 'CANCELED' OR s.changed_at >= :since")
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
        return new Churn(canceled, live);
    }

    private List<Point> series(int days, ZoneId zone, String sql, Map<String, Object> params) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return today.minusDays(days - 1L)
                .datesUntil(today.plusDays(1))
                .map(day -> {
                    JdbcClient.StatementSpec query = db.sql(sql)
                            .param(
                                    "dayStart",
                                    Timestamp.from(day.atStartOfDay(zone).toInstant()))
                            .param(
                                    "dayEnd",
                                    Timestamp.from(
                                            day.plusDays(1).atStartOfDay(zone).toInstant()));
                    for (Map.Entry<String, Object> param : params.entrySet()) {
                        query = query.param(param.getKey(), param.getValue());
                    }
                    return new Point(day, query.query(Long.class).single());
                })
                .toList();
    }
}
