package org.masthead.membership.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentSucceeded;
import org.masthead.payments.SubscriptionChanged;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Premium subscriptions as the payments events last described them, keyed by our checkout reference.
 * A row is written when the checkout starts (with no status) and changed only by events.
 */
@Repository
public class PremiumSubscriptions {

    /** The prefix of every Premium checkout's reference, by which payments events are routed here. */
    public static final String REFERENCE_PREFIX = "premium-";

    private final JdbcClient db;
    private final Clock clock;

    PremiumSubscriptions(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A subscription as the reader's membership page shows it.
     *
     * @param interval the plan the provider will charge next
     * @param price what the provider will charge next
     * @param paidInterval the plan of its latest payment, if it has one: a switch waits for the next payment
     * @param paidPrice what its latest payment was
     */
    public record PremiumSubscription(
            String reference,
            @Nullable Long accountId,
            @Nullable String subscriptionId,
            @Nullable String customerId,
            @Nullable SubscriptionStatus status,
            BillingInterval interval,
            Money price,
            @Nullable Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd,
            Instant startedAt,
            @Nullable BillingInterval paidInterval,
            @Nullable Money paidPrice) {

        /** The plan the reader is on now: the one last paid for, until a switch is paid for. */
        public BillingInterval intervalInForce() {
            return paidInterval == null ? interval : paidInterval;
        }

        /** What the reader pays now. */
        public Money priceInForce() {
            return paidPrice == null ? price : paidPrice;
        }

        /** Whether a switch of plan or price waits for the next payment (none is coming if it ends). */
        public boolean changeWaiting() {
            return !cancelAtPeriodEnd
                    && status != SubscriptionStatus.CANCELED
                    && (intervalInForce() != interval || !priceInForce().equals(price));
        }

        /** Whether it entitles the reader to Premium at this moment. */
        public boolean entitles(Instant now) {
            if (status == null) {
                return false;
            }
            return switch (status) {
                // The provider's grace period: Premium stays while it retries.
                case PAST_DUE -> true;
                case TRIALING, ACTIVE ->
                    !cancelAtPeriodEnd || currentPeriodEnd == null || currentPeriodEnd.isAfter(now);
                case CANCELED -> false;
            };
        }

        /**
         * The subscription as it reads once the provider's event for a change it has already accepted
         * (cancelling at the period's end, or resuming) has arrived.
         */
        public PremiumSubscription withCancelAtPeriodEnd(boolean cancel) {
            return new PremiumSubscription(
                    reference,
                    accountId,
                    subscriptionId,
                    customerId,
                    status,
                    interval,
                    price,
                    currentPeriodEnd,
                    cancel,
                    startedAt,
                    paidInterval,
                    paidPrice);
        }
    }

    void started(String reference, long accountId, BillingInterval interval, Money price) {
        Instant now = clock.instant();
        db.sql(
                        """
                        INSERT INTO premium_subscription
                            (reference, account_id, billing_interval, price_minor_units, currency, started_at, changed_at)
                        VALUES (:reference, :account, :interval, :price, :currency, :now, :now)""")
                .param("reference", reference)
                .param("account", accountId)
                .param("interval", interval.name())
                .param("price", price.minorUnits())
                .param("currency", price.currencyCode())
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Applies what the provider reported. One for a checkout we did not start (none of our rows) is
     * ignored unless it names an account.
     *
     * @return whether this change is the one that set the subscription to end with its period: true for
     *     one change only, however often it is handled
     */
    boolean apply(SubscriptionChanged change) {
        // Payments publishes each change once and in order, but listeners run concurrently: one that
        // arrives after a newer one has been applied, or after the end, changes nothing. The row is
        // locked before it is read, so of two handlings of one change only the first sees it uncancelled.
        List<Boolean> wasEnding = db.sql(
                        """
                        UPDATE premium_subscription p
                        SET subscription_id = :subscription, customer_id = :customer, status = :status,
                            billing_interval = :interval, price_minor_units = :price, currency = :currency,
                            current_period_end = :periodEnd, cancel_at_period_end = :cancel, changed_at = :at
                        FROM (SELECT reference, cancel_at_period_end FROM premium_subscription
                              WHERE reference = :reference FOR UPDATE) before
                        WHERE p.reference = before.reference
                          AND (p.status IS NULL OR (p.status <> 'CANCELED' AND p.changed_at <= :at))
                        RETURNING before.cancel_at_period_end""")
                .param("subscription", change.subscriptionId())
                .param("customer", change.customerId())
                .param("status", change.status().name())
                .param("interval", change.interval().name())
                .param("price", change.price().minorUnits())
                .param("currency", change.price().currencyCode())
                .param("periodEnd", Sql.timestamp(change.currentPeriodEnd()))
                .param("cancel", change.cancelAtPeriodEnd())
                .param("at", Timestamp.from(change.at()))
                .param("reference", change.reference())
                .query(Boolean.class)
                .list();
        if (wasEnding.isEmpty()
                && change.accountId() != null
                && byReference(change.reference()).isEmpty()) {
            started(change.reference(), change.accountId(), change.interval(), change.price());
            return apply(change);
        }
        return change.cancelAtPeriodEnd()
                && change.status() != SubscriptionStatus.CANCELED
                && wasEnding.equals(List.of(false));
    }

    /**
     * A payment for the subscription: its amount, and the plan it stands at, become the ones in force. A
     * switch is applied by the provider's change well before the payment that starts it, so the plan the
     * row holds then is the one paid for.
     */
    void paid(PaymentSucceeded payment) {
        db.sql(
                        """
                        UPDATE premium_subscription
                        SET paid_minor_units = :amount, paid_interval = billing_interval
                        WHERE reference = :reference""")
                .param("amount", payment.amount().minorUnits())
                .param("reference", payment.reference())
                .update();
    }

    public boolean isPremium(long accountId) {
        Instant now = clock.instant();
        return live(accountId).stream().anyMatch(subscription -> subscription.entitles(now));
    }

    /** Which of these accounts have Premium now, in one query. */
    public Set<Long> premiumAmong(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        return db
                .sql("SELECT * FROM premium_subscription WHERE account_id IN (:accounts)"
                        + " AND status IN ('TRIALING', 'ACTIVE', 'PAST_DUE')")
                .param("accounts", Set.copyOf(accountIds))
                .query(PremiumSubscriptions::row)
                .list()
                .stream()
                .filter(subscription -> subscription.entitles(now))
                .map(PremiumSubscription::accountId)
                .collect(Collectors.toSet());
    }

    /** The reader's subscription that matters now: the one that entitles them, else the latest reported. */
    public Optional<PremiumSubscription> current(long accountId) {
        Instant now = clock.instant();
        List<PremiumSubscription> reported = live(accountId);
        return reported.stream()
                .filter(subscription -> subscription.entitles(now))
                .findFirst()
                .or(() -> reported.stream().findFirst());
    }

    public Optional<PremiumSubscription> byReference(String reference) {
        return db.sql("SELECT * FROM premium_subscription WHERE reference = :reference")
                .param("reference", reference)
                .query(PremiumSubscriptions::row)
                .optional();
    }

    /** Accounts with Premium now, for the dashboard. */
    public long countPremium() {
        Instant now = clock.instant();
        return db
                .sql("SELECT * FROM premium_subscription WHERE status IN ('TRIALING', 'ACTIVE', 'PAST_DUE')")
                .query(PremiumSubscriptions::row)
                .list()
                .stream()
                .filter(subscription -> subscription.entitles(now))
                .map(PremiumSubscription::accountId)
                .distinct()
                .count();
    }

    /** The account's subscriptions, newest first, for its data export. */
    public List<PremiumSubscription> forAccount(long accountId) {
        return db.sql("SELECT * FROM premium_subscription WHERE account_id = :account ORDER BY started_at DESC")
                .param("account", accountId)
                .query(PremiumSubscriptions::row)
                .list();
    }

    void forgetAccount(long accountId) {
        db.sql("UPDATE premium_subscription SET account_id = NULL WHERE account_id = :account")
                .param("account", accountId)
                .update();
    }

    private List<PremiumSubscription> live(long accountId) {
        return db.sql(
                        """
                        SELECT * FROM premium_subscription
                        WHERE account_id = :account AND status IS NOT NULL
                        ORDER BY changed_at DESC, started_at DESC""")
                .param("account", accountId)
                .query(PremiumSubscriptions::row)
                .list();
    }

    private static PremiumSubscription row(ResultSet rs, int rowNum) throws SQLException {
        String status = rs.getString("status");
        return new PremiumSubscription(
                rs.getString("reference"),
                rs.getObject("account_id", Long.class),
                rs.getString("subscription_id"),
                rs.getString("customer_id"),
                status == null ? null : SubscriptionStatus.valueOf(status),
                BillingInterval.valueOf(rs.getString("billing_interval")),
                Money.of(rs.getLong("price_minor_units"), rs.getString("currency")),
                Sql.instant(rs, "current_period_end"),
                rs.getBoolean("cancel_at_period_end"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getString("paid_interval") == null ? null : BillingInterval.valueOf(rs.getString("paid_interval")),
                rs.getObject("paid_minor_units") == null
                        ? null
                        : Money.of(rs.getLong("paid_minor_units"), rs.getString("currency")));
    }
}
