package org.masthead.membership.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.ChargeRefunded;
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

    /**
     * One line of a reader's list of payments.
     *
     * @param refunded how much of it has gone back to the reader so far
     */
    public record PaymentLine(
            String reference,
            String kind,
            boolean succeeded,
            Money amount,
            @Nullable String reason,
            Instant at,
            Money refunded) {

        /** Whether all of it went back to the reader. */
        public boolean fullyRefunded() {
            return succeeded && refunded.compareTo(amount) >= 0;
        }
    }

    private static final String LINE_COLUMNS =
            "reference, kind, succeeded, minor_units, currency, reason, occurred_at, refunded_minor_units";

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
                            (reference, account_id, kind, succeeded, minor_units, currency, reason, occurred_at,
                             next_retry_at)
                        VALUES (:reference, :account, :kind, FALSE, :amount, :currency, :reason, :at, :retry)""")
                .param("reference", failure.reference())
                .param("account", failure.accountId())
                .param("kind", failure.renewal() ? "RENEWAL" : "FIRST")
                .param("amount", failure.amount().minorUnits())
                .param("currency", failure.amount().currencyCode())
                .param("reason", failure.reason())
                .param("at", Timestamp.from(failure.at()))
                .param("retry", failure.nextRetry() == null ? null : Timestamp.from(failure.nextRetry()))
                .update();
    }

    /** Names the account on the payments under these references that name none: a guest's, now theirs. */
    void giveToAccount(Collection<String> references, long accountId) {
        db.sql("UPDATE membership_payment SET account_id = :account"
                        + " WHERE account_id IS NULL AND reference IN (:references)")
                .param("account", accountId)
                .param("references", references)
                .update();
    }

    /**
     * Records the refunded total of a charge, which only grows.
     *
     * @return the payment as it now reads, if this refund was news: so each refund is handled once however
     *     often its event is
     */
    Optional<PaymentLine> refunded(ChargeRefunded refund) {
        return db.sql("UPDATE membership_payment SET refunded_minor_units = :total"
                        + " WHERE charge_id = :charge AND refunded_minor_units < :total RETURNING " + LINE_COLUMNS)
                .param("total", refund.totalRefunded().minorUnits())
                .param("charge", refund.chargeId())
                .query(MembershipPayments::line)
                .optional();
    }

    /**
     * When each of the reader's subscriptions or recurring contributions whose last payment failed is tried
     * again, by reference: the day the reader can expect, which is no longer the period's end.
     */
    public Map<String, Instant> nextAttempts(long accountId) {
        return db
                .sql(
                        """
                        SELECT reference, next_retry_at FROM (
                            SELECT DISTINCT ON (reference) reference, succeeded, next_retry_at
                            FROM membership_payment WHERE account_id = :account
                            ORDER BY reference, occurred_at DESC, id DESC) latest
                        WHERE NOT succeeded AND next_retry_at IS NOT NULL""")
                .param("account", accountId)
                .query((rs, n) -> Map.entry(
                        rs.getString("reference"),
                        rs.getTimestamp("next_retry_at").toInstant()))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The reader's payments for membership, newest first. */
    public List<PaymentLine> of(long accountId, int limit) {
        return db.sql(
                        """
                        SELECT %s FROM membership_payment WHERE account_id = :account
                        ORDER BY occurred_at DESC, id DESC LIMIT :limit"""
                                .formatted(LINE_COLUMNS))
                .param("account", accountId)
                .param("limit", limit)
                .query(MembershipPayments::line)
                .list();
    }

    private static PaymentLine line(ResultSet rs, int rowNum) throws SQLException {
        return new PaymentLine(
                rs.getString(1),
                rs.getString(2),
                rs.getBoolean(3),
                Money.of(rs.getLong(4), rs.getString(5)),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                Money.of(rs.getLong(8), rs.getString(5)));
    }
}
