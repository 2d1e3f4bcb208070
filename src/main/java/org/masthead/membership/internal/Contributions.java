package org.masthead.membership.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentSucceeded;
import org.masthead.payments.SubscriptionChanged;
import org.masthead.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Readers' contributions as the payments events last described them, keyed by our checkout reference.
 * A one-off contribution makes its giver a supporter for a year; a recurring one while it is live.
 */
@Repository
public class Contributions {

    /** The prefix of every contribution checkout's reference, by which payments events are routed here. */
    public static final String REFERENCE_PREFIX = "contribution-";

    /** How long a one-off contribution makes its giver a supporter. */
    public static final Duration ONE_OFF_SUPPORT = Duration.ofDays(365);

    private final JdbcClient db;
    private final Clock clock;

    Contributions(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A contribution as its giver's membership page and the receipt show it.
     *
     * @param amount what the provider will take next (or took, for a one-off contribution)
     * @param paid what its latest payment was, if it has one: a new amount waits for the next payment
     * @param fullyRefunded whether a one-off contribution was all given back
     */
    public record Contribution(
            String reference,
            @Nullable Long accountId,
            String email,
            Frequency frequency,
            Money amount,
            @Nullable String status,
            @Nullable String subscriptionId,
            @Nullable String askVariant,
            Instant startedAt,
            @Nullable Instant firstPaidAt,
            @Nullable Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd,
            @Nullable Money paid,
            boolean fullyRefunded) {

        /** What the reader gives now: the latest payment's amount, until a new amount is taken. */
        public Money amountInForce() {
            return paid == null ? amount : paid;
        }

        /**
         * A new amount asked for that starts with the next payment, or null if there is none (or none is
         * coming, the contribution stopping).
         */
        public @Nullable Money waitingAmount() {
            return live() && !cancelAtPeriodEnd && !amountInForce().equals(amount) ? amount : null;
        }

        /** Whether it is a recurring contribution that has not ended (it may be set to stop). */
        public boolean live() {
            return frequency.recurring() && status != null && !status.equals("CANCELED");
        }

        /**
         * The contribution as it reads once the provider's event for a change it has already accepted
         * (stopping at the period's end, or carrying on) has arrived.
         */
        public Contribution withCancelAtPeriodEnd(boolean cancel) {
            return new Contribution(
                    reference,
                    accountId,
                    email,
                    frequency,
                    amount,
                    status,
                    subscriptionId,
                    askVariant,
                    startedAt,
                    firstPaidAt,
                    currentPeriodEnd,
                    cancel,
                    paid,
                    fullyRefunded);
        }
    }

    public Optional<Contribution> byReference(String reference) {
        return db.sql("SELECT * FROM contribution WHERE reference = :reference")
                .param("reference", reference)
                .query(Contributions::row)
                .optional();
    }

    /** The account's contributions that have been paid or reported, newest first. */
    public List<Contribution> of(long accountId) {
        return db.sql("SELECT * FROM contribution WHERE account_id = :account AND status IS NOT NULL"
                        + " ORDER BY started_at DESC LIMIT 50")
                .param("account", accountId)
                .query(Contributions::row)
                .list();
    }

    private static Contribution row(ResultSet rs, int rowNum) throws SQLException {
        Long account = rs.getObject("account_id", Long.class);
        return new Contribution(
                rs.getString("reference"),
                account,
                rs.getString("email"),
                Frequency.valueOf(rs.getString("frequency")),
                Money.of(rs.getLong("minor_units"), rs.getString("currency")),
                rs.getString("status"),
                rs.getString("subscription_id"),
                rs.getString("ask_variant"),
                rs.getTimestamp("started_at").toInstant(),
                Sql.instant(rs, "first_paid_at"),
                Sql.instant(rs, "current_period_end"),
                rs.getBoolean("cancel_at_period_end"),
                rs.getObject("paid_minor_units") == null
                        ? null
                        : Money.of(rs.getLong("paid_minor_units"), rs.getString("currency")),
                rs.getBoolean("fully_refunded"));
    }

    /** Which of these accounts are supporters now, in one query. */
    public Set<Long> supportersAmong(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.sql(
                        """
                        SELECT DISTINCT account_id FROM contribution
                        WHERE account_id IN (:accounts) AND (
                            (frequency = 'ONE_OFF' AND first_paid_at > :yearAgo AND NOT fully_refunded)
                            OR (frequency <> 'ONE_OFF' AND status IN ('TRIALING', 'ACTIVE', 'PAST_DUE')))""")
                .param("accounts", Set.copyOf(accountIds))
                .param("yearAgo", Timestamp.from(clock.instant().minus(ONE_OFF_SUPPORT)))
                .query(Long.class)
                .list());
    }

    public boolean isSupporter(long accountId) {
        return db.sql(
                                """
                        SELECT count(*) FROM contribution
                        WHERE account_id = :account AND (
                            (frequency = 'ONE_OFF' AND first_paid_at > :yearAgo AND NOT fully_refunded)
                            OR (frequency <> 'ONE_OFF' AND status IN ('TRIALING', 'ACTIVE', 'PAST_DUE')))""")
                        .param("account", accountId)
                        .param("yearAgo", Timestamp.from(clock.instant().minus(ONE_OFF_SUPPORT)))
                        .query(Long.class)
                        .single()
                > 0;
    }

    void started(
            String reference,
            @Nullable Long accountId,
            String email,
            Frequency frequency,
            Money amount,
            @Nullable String askVariant) {
        Instant now = clock.instant();
        db.sql(
                        """
                        INSERT INTO contribution
                            (reference, account_id, email, frequency, minor_units, currency, ask_variant, started_at, changed_at)
                        VALUES (:reference, :account, :email, :frequency, :amount, :currency, :variant, :now, :now)""")
                .param("reference", reference)
                .param("account", accountId)
                .param("email", email)
                .param("frequency", frequency.name())
                .param("amount", amount.minorUnits())
                .param("currency", amount.currencyCode())
                .param("variant", askVariant)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * A payment for the contribution: a one-off one is paid; a recurring one's payment dates move on, and
     * the amount it was becomes the one in force (a payment older than the latest changes neither).
     */
    void paid(PaymentSucceeded payment) {
        db.sql(
                        """
                        UPDATE contribution
                        SET paid_minor_units = CASE WHEN last_paid_at IS NULL OR last_paid_at <= :at
                                                    THEN :amount ELSE paid_minor_units END,
                            first_paid_at = coalesce(first_paid_at, :at),
                            last_paid_at = greatest(last_paid_at, :at),
                            status = CASE WHEN frequency = 'ONE_OFF' THEN 'PAID' ELSE coalesce(status, 'ACTIVE') END,
                            account_id = coalesce(account_id, :account),
                            changed_at = :now
                        WHERE reference = :reference""")
                .param("at", Timestamp.from(payment.at()))
                .param("amount", payment.amount().minorUnits())
                .param("account", payment.accountId())
                .param("now", Timestamp.from(clock.instant()))
                .param("reference", payment.reference())
                .update();
    }

    void apply(SubscriptionChanged change) {
        db.sql(
                        """
                        UPDATE contribution
                        SET status = :status, subscription_id = :subscription, minor_units = :amount,
                            current_period_end = :periodEnd, cancel_at_period_end = :cancel, changed_at = :now,
                            subscription_changed_at = :at
                        WHERE reference = :reference AND status IS DISTINCT FROM 'CANCELED'
                          AND (subscription_changed_at IS NULL OR subscription_changed_at <= :at)""")
                .param("status", change.status().name())
                .param("subscription", change.subscriptionId())
                .param("amount", change.price().minorUnits())
                .param("periodEnd", Sql.timestamp(change.currentPeriodEnd()))
                .param("cancel", change.cancelAtPeriodEnd())
                .param("at", Timestamp.from(change.at()))
                .param("now", Timestamp.from(clock.instant()))
                .param("reference", change.reference())
                .update();
    }

    /** A one-off contribution given back in full no longer makes its giver a supporter. */
    void refundedInFull(String reference) {
        db.sql("UPDATE contribution SET fully_refunded = TRUE, changed_at = :now"
                        + " WHERE reference = :reference AND frequency = 'ONE_OFF'")
                .param("now", Timestamp.from(clock.instant()))
                .param("reference", reference)
                .update();
    }

    /** The record of the contributions stays, for the accounts; whose they were and the address do not. */
    void forgetAccount(long accountId) {
        db.sql("UPDATE contribution SET account_id = NULL, email = 'deleted' WHERE account_id = :account")
                .param("account", accountId)
                .update();
    }

    /**
     * Gives a guest's contributions made with this address to the account that has confirmed it.
     *
     * @return the references of the contributions it gave, none twice
     */
    List<String> claim(long accountId, String email) {
        return db.sql("UPDATE contribution SET account_id = :account"
                        + " WHERE account_id IS NULL AND lower(email) = lower(:email) RETURNING reference")
                .param("account", accountId)
                .param("email", email)
                .query(String.class)
                .list();
    }
}
