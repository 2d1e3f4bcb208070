package org.masthead.payments.internal.sandbox;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sandbox provider's own records: checkouts, customers, subscriptions, charges, portal visits. */
@Repository
public class SandboxStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    public record CheckoutRow(
            String id,
            boolean subscription,
            Money amount,
            @Nullable BillingInterval interval,
            int trialDays,
            String description,
            String email,
            @Nullable Long accountId,
            String reference,
            URI successUrl,
            URI cancelUrl,
            boolean open,
            Instant expiresAt) {}

    public record CustomerRow(String id, String email, String cardLast4, TestCard card) {}

    public record SubscriptionRow(
            String id,
            String customerId,
            String reference,
            @Nullable Long accountId,
            String description,
            Money price,
            BillingInterval interval,
            SubscriptionStatus status,
            Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd,
            int failedAttempts,
            int paidCharges) {

        /** This subscription after a billing run: its status, period, failed tries and payments. */
        SubscriptionRow withState(SubscriptionStatus status, Instant periodEnd, int failures, int paid) {
            return new SubscriptionRow(
                    id,
                    customerId,
                    reference,
                    accountId,
                    description,
                    price,
                    interval,
                    status,
                    periodEnd,
                    cancelAtPeriodEnd,
                    failures,
                    paid);
        }

        SubscriptionRow withCancelAtPeriodEnd(boolean cancel) {
            return new SubscriptionRow(
                    id,
                    customerId,
                    reference,
                    accountId,
                    description,
                    price,
                    interval,
                    status,
                    currentPeriodEnd,
                    cancel,
                    failedAttempts,
                    paidCharges);
        }

        SubscriptionRow withPrice(Money newPrice, BillingInterval newInterval) {
            return new SubscriptionRow(
                    id,
                    customerId,
                    reference,
                    accountId,
                    description,
                    newPrice,
                    newInterval,
                    status,
                    currentPeriodEnd,
                    cancelAtPeriodEnd,
                    failedAttempts,
                    paidCharges);
        }
    }

    public record ChargeRow(
            String id,
            String customerId,
            @Nullable String subscriptionId,
            Money amount,
            Money refunded,
            boolean succeeded,
            @Nullable String failureReason,
            Instant createdAt) {}

    private final JdbcClient db;
    private volatile @Nullable String secret;

    SandboxStore(JdbcClient db) {
        this.db = db;
    }

    /** A new unguessable id: {@code sbx_<kind>_} and 32 hex digits. */
    static String newId(String kind) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "sbx_" + kind + "_" + HexFormat.of().formatHex(bytes);
    }

    /** The webhook signing secret, made by whichever node asks first and the same for all. */
    String secret() {
        String known = secret;
        if (known == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            db.sql("INSERT INTO sandbox_secret (id, secret) VALUES (1, :secret) ON CONFLICT DO NOTHING")
                    .param("secret", "sbx_whsec_" + HexFormat.of().formatHex(bytes))
                    .update();
            known = db.sql("SELECT secret FROM sandbox_secret WHERE id = 1")
                    .query(String.class)
                    .single();
            secret = known;
        }
        return known;
    }

    /** How far the billing clock runs ahead of real time. */
    Duration clockOffset() {
        return Duration.ofSeconds(db.sql("SELECT offset_seconds FROM sandbox_clock WHERE id = 1")
                .query(Long.class)
                .single());
    }

    void advanceClock(Duration by) {
        db.sql("UPDATE sandbox_clock SET offset_seconds = offset_seconds + :seconds WHERE id = 1")
                .param("seconds", by.toSeconds())
                .update();
    }

    void addCheckout(CheckoutRow checkout, Instant now) {
        db.sql(
                        """
                        INSERT INTO sandbox_checkout (id, mode, amount_minor, currency, billing_interval, trial_days,
                            description, email, account_id, reference, success_url, cancel_url, status, created_at,
                            expires_at)
                        VALUES (:id, :mode, :amount, :currency, :interval, :trialDays, :description, :email, :account,
                            :reference, :successUrl, :cancelUrl, 'OPEN', :now, :expiresAt)""")
                .param("id", checkout.id())
                .param("mode", checkout.subscription() ? "SUBSCRIPTION" : "PAYMENT")
                .param("amount", checkout.amount().minorUnits())
                .param("currency", checkout.amount().currencyCode())
                .param(
                        "interval",
                        checkout.interval() == null ? null : checkout.interval().name())
                .param("trialDays", checkout.trialDays())
                .param("description", checkout.description())
                .param("email", checkout.email())
                .param("account", checkout.accountId())
                .param("reference", checkout.reference())
                .param("successUrl", checkout.successUrl().toString())
                .param("cancelUrl", checkout.cancelUrl().toString())
                .param("now", Sql.timestamp(now))
                .param("expiresAt", Sql.timestamp(checkout.expiresAt()))
                .update();
    }

    Optional<CheckoutRow> checkout(String id) {
        return db.sql("SELECT * FROM sandbox_checkout WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> checkout(rs))
                .optional();
    }

    Optional<CheckoutRow> lockCheckout(String id) {
        return db.sql("SELECT * FROM sandbox_checkout WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, n) -> checkout(rs))
                .optional();
    }

    void completeCheckout(String id) {
        db.sql("UPDATE sandbox_checkout SET status = 'COMPLETED' WHERE id = :id")
                .param("id", id)
                .update();
    }

    void addCustomer(CustomerRow customer, Instant now) {
        db.sql(
                        """
                        INSERT INTO sandbox_customer (id, email, card_last4, card, created_at)
                        VALUES (:id, :email, :last4, :card, :now)""")
                .param("id", customer.id())
                .param("email", customer.email())
                .param("last4", customer.cardLast4())
                .param("card", customer.card().name())
                .param("now", Sql.timestamp(now))
                .update();
    }

    Optional<CustomerRow> customer(String id) {
        return db.sql("SELECT * FROM sandbox_customer WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new CustomerRow(
                        rs.getString("id"),
                        rs.getString("email"),
                        rs.getString("card_last4"),
                        TestCard.valueOf(rs.getString("card"))))
                .optional();
    }

    void changeCard(String customerId, TestCard card) {
        db.sql("UPDATE sandbox_customer SET card = :card, card_last4 = :last4 WHERE id = :id")
                .param("card", card.name())
                .param("last4", card.number().substring(12))
                .param("id", customerId)
                .update();
    }

    void addSubscription(SubscriptionRow subscription, Instant now) {
        db.sql(
                        """
                        INSERT INTO sandbox_subscription (id, customer_id, reference, account_id, description, amount_minor,
                            currency, billing_interval, status, current_period_end, cancel_at_period_end,
                            failed_attempts, next_action_at, paid_charges, created_at)
                        VALUES (:id, :customer, :reference, :account, :description, :amount, :currency, :interval,
                            :status, :periodEnd, false, 0, :periodEnd, :paid, :now)""")
                .param("id", subscription.id())
                .param("customer", subscription.customerId())
                .param("reference", subscription.reference())
                .param("account", subscription.accountId())
                .param("description", subscription.description())
                .param("amount", subscription.price().minorUnits())
                .param("currency", subscription.price().currencyCode())
                .param("interval", subscription.interval().name())
                .param("status", subscription.status().name())
                .param("periodEnd", Sql.timestamp(subscription.currentPeriodEnd()))
                .param("paid", subscription.paidCharges())
                .param("now", Sql.timestamp(now))
                .update();
    }

    Optional<SubscriptionRow> lockSubscription(String id) {
        return db.sql("SELECT * FROM sandbox_subscription WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, n) -> subscription(rs))
                .optional();
    }

    /**
     * Locks the subscription that has waited longest for the renewal job, if any is due by {@code now};
     * one being renewed by another node is skipped, not waited for.
     */
    Optional<SubscriptionRow> lockNextDue(Instant now) {
        return db.sql(
                        """
                        SELECT * FROM sandbox_subscription
                        WHERE status <> 'CANCELED' AND next_action_at <= :now
                        ORDER BY next_action_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("now", Sql.timestamp(now))
                .query((rs, n) -> subscription(rs))
                .optional();
    }

    List<SubscriptionRow> subscriptionsOf(String customerId) {
        return db.sql("SELECT * FROM sandbox_subscription WHERE customer_id = :customer ORDER BY created_at DESC")
                .param("customer", customerId)
                .query((rs, n) -> subscription(rs))
                .list();
    }

    /** Writes the subscription's changeable state; {@code nextActionAt} null takes it off the job's list. */
    void updateSubscription(SubscriptionRow s, @Nullable Instant nextActionAt) {
        update(s, ", next_action_at = :next")
                .param("next", Sql.timestamp(nextActionAt))
                .update();
    }

    /** Writes the subscription's changeable state, leaving when the renewal job next looks at it. */
    void updateSubscriptionKeepingSchedule(SubscriptionRow s) {
        update(s, "").update();
    }

    private JdbcClient.StatementSpec update(SubscriptionRow s, String alsoSet) {
        return db.sql(
                        """
                        UPDATE sandbox_subscription
                        SET status = :status, current_period_end = :periodEnd, cancel_at_period_end = :cancel,
                            failed_attempts = :failed, paid_charges = :paid, amount_minor = :amount,
                            billing_interval = :interval"""
                                + alsoSet + " WHERE id = :id")
                .param("status", s.status().name())
                .param("periodEnd", Sql.timestamp(s.currentPeriodEnd()))
                .param("cancel", s.cancelAtPeriodEnd())
                .param("failed", s.failedAttempts())
                .param("paid", s.paidCharges())
                .param("amount", s.price().minorUnits())
                .param("interval", s.interval().name())
                .param("id", s.id());
    }

    /** Has past-due subscriptions of the customer tried again at the job's next run. */
    void retrySoon(String customerId, Instant now) {
        db.sql(
                        """
                        UPDATE sandbox_subscription SET next_action_at = :now
                        WHERE customer_id = :customer AND status = 'PAST_DUE'""")
                .param("now", Sql.timestamp(now))
                .param("customer", customerId)
                .update();
    }

    void addCharge(ChargeRow charge) {
        db.sql(
                        """
                        INSERT INTO sandbox_charge (id, customer_id, subscription_id, amount_minor, currency, status,
                            failure_reason, created_at)
                        VALUES (:id, :customer, :subscription, :amount, :currency, :status, :reason, :at)""")
                .param("id", charge.id())
                .param("customer", charge.customerId())
                .param("subscription", charge.subscriptionId())
                .param("amount", charge.amount().minorUnits())
                .param("currency", charge.amount().currencyCode())
                .param("status", charge.succeeded() ? "SUCCEEDED" : "FAILED")
                .param("reason", charge.failureReason())
                .param("at", Sql.timestamp(charge.createdAt()))
                .update();
    }

    Optional<ChargeRow> lockCharge(String id) {
        return db.sql("SELECT * FROM sandbox_charge WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, n) -> charge(rs))
                .optional();
    }

    void setRefunded(String chargeId, Money total) {
        db.sql("UPDATE sandbox_charge SET refunded_minor = :total WHERE id = :id")
                .param("total", total.minorUnits())
                .param("id", chargeId)
                .update();
    }

    List<ChargeRow> chargesOf(String customerId) {
        return db.sql("SELECT * FROM sandbox_charge WHERE customer_id = :customer ORDER BY created_at DESC")
                .param("customer", customerId)
                .query((rs, n) -> charge(rs))
                .list();
    }

    void addPortalSession(String id, String customerId, URI returnUrl, Instant expiresAt) {
        db.sql(
                        """
                        INSERT INTO sandbox_portal_session (id, customer_id, return_url, expires_at)
                        VALUES (:id, :customer, :returnUrl, :expiresAt)""")
                .param("id", id)
                .param("customer", customerId)
                .param("returnUrl", returnUrl.toString())
                .param("expiresAt", Sql.timestamp(expiresAt))
                .update();
    }

    /** The customer and return address of a portal visit that has not expired. */
    Optional<PortalSession> portalSession(String id, Instant now) {
        return db.sql(
                        """
                        SELECT customer_id, return_url FROM sandbox_portal_session
                        WHERE id = :id AND expires_at > :now""")
                .param("id", id)
                .param("now", Sql.timestamp(now))
                .query((rs, n) ->
                        new PortalSession(id, rs.getString("customer_id"), URI.create(rs.getString("return_url"))))
                .optional();
    }

    public record PortalSession(String id, String customerId, URI returnUrl) {}

    private static CheckoutRow checkout(ResultSet rs) throws SQLException {
        String interval = rs.getString("billing_interval");
        return new CheckoutRow(
                rs.getString("id"),
                rs.getString("mode").equals("SUBSCRIPTION"),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                interval == null ? null : BillingInterval.valueOf(interval),
                rs.getInt("trial_days"),
                rs.getString("description"),
                rs.getString("email"),
                Sql.nullableLong(rs, "account_id"),
                rs.getString("reference"),
                URI.create(rs.getString("success_url")),
                URI.create(rs.getString("cancel_url")),
                rs.getString("status").equals("OPEN"),
                rs.getTimestamp("expires_at").toInstant());
    }

    private static SubscriptionRow subscription(ResultSet rs) throws SQLException {
        return new SubscriptionRow(
                rs.getString("id"),
                rs.getString("customer_id"),
                rs.getString("reference"),
                Sql.nullableLong(rs, "account_id"),
                rs.getString("description"),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                BillingInterval.valueOf(rs.getString("billing_interval")),
                SubscriptionStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("current_period_end").toInstant(),
                rs.getBoolean("cancel_at_period_end"),
                rs.getInt("failed_attempts"),
                rs.getInt("paid_charges"));
    }

    private static ChargeRow charge(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        return new ChargeRow(
                rs.getString("id"),
                rs.getString("customer_id"),
                rs.getString("subscription_id"),
                Money.of(rs.getLong("amount_minor"), currency),
                Money.of(rs.getLong("refunded_minor"), currency),
                rs.getString("status").equals("SUCCEEDED"),
                rs.getString("failure_reason"),
                rs.getTimestamp("created_at").toInstant());
    }
}
