package org.masthead.membership.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentFailed;
import org.masthead.payments.PaymentSucceeded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payments and failed payments reported for membership references: readers' payment lists, revenue. */
@Repository
public class MembershipPayments {

    private final JdbcClient db;

    MembershipPayments(JdbcClient db) {
        this.db = db;
    }

    /** One line of a reader's list of payments. */
    public record PaymentLine(
            String reference, String kind, boolean succeeded, Money amount, @Nullable String reason, Instant at) {}

    /** @return whether it was new (a charge is recorded once) */
    boolean succeeded(PaymentSucceeded payment) {
        return db.sql(
                                """
                        INSERT INTO membership_payment
                            (reference, account_id, charge_id, kind, succeeded, minor_units, currency, occurred_at)
                        VALUES (:reference, :account, :charge, :kind, TRUE, :amount, :currency, :at)
                        ON CONFLICT (charge_id) DO NOTHING""")
                        .param("reference", payment.reference())
                        .param("account", payment.accountId())
                        .param("charge", payment.chargeId())
                        .param("kind", payment.kind().name())
                        .param("amount", payment.amount().minorUnits())
                        .param("currency", payment.amount().currencyCode())
                        .param("at", Timestamp.from(payment.at()))
                        .update()
                > 0;
    }

    void failed(PaymentFailed failure) {
        db.sql(
                        """
                        INSERT INTO membership_payment
                            (reference, account_id, kind, succeeded, minor_units, currency, reason, occurred_at)
                        VALUES (:reference, :account, :kind, FALSE, :amount, :currency, :reason, :at)""")
                .param("reference", failure.reference())
                .param("account", failure.accountId())
                .param("kind", failure.renewal() ? "RENEWAL" : "FIRST")
                .param("amount", failure.amount().minorUnits())
                .param("currency", failure.amount().currencyCode())
                .param("reason", failure.reason())
                .param("at", Timestamp.from(failure.at()))
                .update();
    }

    /** The reader's payments for membership, newest first. */
    public List<PaymentLine> of(long accountId, int limit) {
        return db.sql(
                        """
                        SELECT reference, kind, succeeded, minor_units, currency, reason, occurred_at
                        FROM membership_payment WHERE account_id = :account
                        ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
                .param("account", accountId)
                .param("limit", limit)
                .query((rs, n) -> new PaymentLine(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        Money.of(rs.getLong(4), rs.getString(5)),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }
}
