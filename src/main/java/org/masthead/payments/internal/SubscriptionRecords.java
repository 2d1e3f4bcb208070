package org.masthead.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment_subscription} table. */
@Repository
public class SubscriptionRecords {

    private final JdbcClient db;

    SubscriptionRecords(JdbcClient db) {
        this.db = db;
    }

    public Optional<SubscriptionRecord> find(String provider, String subscriptionId) {
        return db.sql("SELECT * FROM payment_subscription WHERE provider = :provider AND subscription_id = :id")
                .param("provider", provider)
                .param("id", subscriptionId)
                .query((rs, n) -> record(rs))
                .optional();
    }

    /** The customer of the account's most recently described subscription, if it has one. */
    public Optional<String> latestCustomerOf(String provider, long accountId) {
        return db.sql(
                        """
                        SELECT customer_id FROM payment_subscription WHERE provider = :provider AND account_id = :account
                        ORDER BY updated_by_event_at DESC LIMIT 1""")
                .param("provider", provider)
                .param("account", accountId)
                .query(String.class)
                .optional();
    }

    List<SubscriptionRecord> forAccount(long accountId) {
        return db.sql(
                        "SELECT * FROM payment_subscription WHERE account_id = :account ORDER BY updated_by_event_at DESC")
                .param("account", accountId)
                .query((rs, n) -> record(rs))
                .list();
    }

    /**
     * Names the account on the subscriptions under these references that name none: a guest's, now theirs.
     * Later events about them, which name no account, take it from here.
     */
    public void giveToAccount(Collection<String> references, long accountId) {
        db.sql("UPDATE payment_subscription SET account_id = :account"
                        + " WHERE account_id IS NULL AND reference IN (:references)")
                .param("account", accountId)
                .param("references", references)
                .update();
    }

    /** Takes the account and its address off its subscriptions; later events about them mail no one. */
    void forgetAccount(long accountId) {
        db.sql("UPDATE payment_subscription SET account_id = NULL, email = '' WHERE account_id = :account")
                .param("account", accountId)
                .update();
    }

    /**
     * Writes the subscription as {@code record} describes it, unless what is recorded is newer (written
     * by an event created later) or already canceled, which is final. Returns whether it was written.
     */
    boolean writeIfNewer(SubscriptionRecord record) {
        return db.sql(
                                """
                        INSERT INTO payment_subscription (provider, subscription_id, customer_id, reference, account_id,
                            email, status, current_period_end, cancel_at_period_end, amount_minor, currency,
                            billing_interval, updated_by_event_at)
                        VALUES (:provider, :id, :customer, :reference, :account, :email, :status, :periodEnd,
                            :cancelAtPeriodEnd, :amount, :currency, :interval, :eventAt)
                        ON CONFLICT (provider, subscription_id) DO UPDATE SET
                            customer_id = EXCLUDED.customer_id, status = EXCLUDED.status,
                            current_period_end = EXCLUDED.current_period_end,
                            cancel_at_period_end = EXCLUDED.cancel_at_period_end,
                            amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency,
                            billing_interval = EXCLUDED.billing_interval,
                            updated_by_event_at = EXCLUDED.updated_by_event_at
                        WHERE payment_subscription.updated_by_event_at <= EXCLUDED.updated_by_event_at
                          AND payment_subscription.status <> 'CANCELED'""")
                        .param("provider", record.provider())
                        .param("id", record.subscriptionId())
                        .param("customer", record.customerId())
                        .param("reference", record.reference())
                        .param("account", record.accountId())
                        .param("email", record.email())
                        .param("status", record.status().name())
                        .param("periodEnd", Sql.timestamp(record.currentPeriodEnd()))
                        .param("cancelAtPeriodEnd", record.cancelAtPeriodEnd())
                        .param("amount", record.price().minorUnits())
                        .param("currency", record.price().currencyCode())
                        .param("interval", record.interval().name())
                        .param("eventAt", Sql.timestamp(record.updatedByEventAt()))
                        .update()
                == 1;
    }

    private static SubscriptionRecord record(ResultSet rs) throws SQLException {
        Instant updated = rs.getTimestamp("updated_by_event_at").toInstant();
        return new SubscriptionRecord(
                rs.getString("provider"),
                rs.getString("subscription_id"),
                rs.getString("customer_id"),
                rs.getString("reference"),
                Sql.nullableLong(rs, "account_id"),
                rs.getString("email"),
                SubscriptionStatus.valueOf(rs.getString("status")),
                Sql.instant(rs, "current_period_end"),
                rs.getBoolean("cancel_at_period_end"),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                BillingInterval.valueOf(rs.getString("billing_interval")),
                updated);
    }
}
