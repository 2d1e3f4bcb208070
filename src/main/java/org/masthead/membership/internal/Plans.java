package org.masthead.membership.internal;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.Payments;
import org.masthead.platform.RejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The Premium plans admins set: one per billing interval, priced in each currency the site takes. */
@Repository
public class Plans {

    private final JdbcClient db;
    private final Payments payments;

    Plans(JdbcClient db, Payments payments) {
        this.db = db;
        this.payments = payments;
    }

    /**
     * @param prices by ISO 4217 code; a plan is offered in a currency only if it has a price in it
     */
    public record Plan(
            BillingInterval interval, String name, int trialDays, boolean available, Map<String, Money> prices) {

        public Optional<Money> priceIn(Currency currency) {
            return Optional.ofNullable(prices.get(currency.getCurrencyCode()));
        }
    }

    /** Every plan, monthly first. */
    public List<Plan> all() {
        Map<BillingInterval, Map<String, Money>> prices = new LinkedHashMap<>();
        db.sql("SELECT billing_interval, currency, minor_units FROM membership_plan_price")
                .query(rs -> {
                    prices.computeIfAbsent(BillingInterval.valueOf(rs.getString(1)), i -> new LinkedHashMap<>())
                            .put(rs.getString(2), Money.of(rs.getLong(3), rs.getString(2)));
                });
        return db
                .sql("SELECT billing_interval, name, trial_days, available FROM membership_plan")
                .query((rs, n) -> {
                    BillingInterval interval = BillingInterval.valueOf(rs.getString(1));
                    return new Plan(
                            interval,
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getBoolean(4),
                            Map.copyOf(prices.getOrDefault(interval, Map.of())));
                })
                .list()
                .stream()
                .sorted((a, b) -> a.interval().compareTo(b.interval()))
                .toList();
    }

    /** The plans a reader may choose now. */
    public List<Plan> available() {
        return all().stream().filter(Plan::available).toList();
    }

    public Optional<Plan> plan(BillingInterval interval) {
        return all().stream().filter(plan -> plan.interval() == interval).findFirst();
    }

    /**
     * Sets a plan's name, trial, availability and prices. Every price must be one payments would take.
     *
     * @throws org.masthead.payments.PaymentRejectedException if a price is outside the payment limits
     * @throws RejectedException if the name or trial is not acceptable
     */
    @Transactional
    public void update(BillingInterval interval, String name, int trialDays, boolean available, List<Money> prices) {
        if (name == null || name.isBlank() || name.length() > 60) {
            throw new RejectedException(
                    "The plan cannot be saved as it is", "name", "A plan needs a name of 1 to 60 characters.");
        }
        if (trialDays < 0 || trialDays > 730) {
            throw new RejectedException(
                    "The plan cannot be saved as it is", "trialDays", "A free trial lasts from 0 to 730 days.");
        }
        prices.forEach(payments::checkAmount);
        db.sql("UPDATE membership_plan SET name = :name, trial_days = :trial, available = :available"
                        + " WHERE billing_interval = :interval")
                .param("name", name.strip())
                .param("trial", trialDays)
                .param("available", available)
                .param("interval", interval.name())
                .update();
        for (Money price : prices) {
            db.sql(
                            """
                            INSERT INTO membership_plan_price (billing_interval, currency, minor_units)
                            VALUES (:interval, :currency, :amount)
                            ON CONFLICT (billing_interval, currency) DO UPDATE SET minor_units = EXCLUDED.minor_units""")
                    .param("interval", interval.name())
                    .param("currency", price.currencyCode())
                    .param("amount", price.minorUnits())
                    .update();
        }
    }
}
