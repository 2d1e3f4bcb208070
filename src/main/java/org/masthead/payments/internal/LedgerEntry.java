package org.masthead.payments.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentKind;

/**
 * One line of the payments ledger: a charge (succeeded or failed) or a refund from one.
 *
 * @param refunded for a charge, how much of it has been refunded; for a refund, zero
 */
public record LedgerEntry(
        long id,
        String provider,
        Entry entry,
        String chargeId,
        @Nullable PaymentKind kind,
        Status status,
        Money amount,
        Money refunded,
        String reference,
        @Nullable Long accountId,
        String email,
        @Nullable String customerId,
        @Nullable String subscriptionId,
        @Nullable String failureReason,
        Instant occurredAt) {

    public enum Entry {
        CHARGE,
        REFUND
    }

    public enum Status {
        SUCCEEDED,
        FAILED,
        REFUNDED,
        PARTIALLY_REFUNDED
    }

    /** What is left of a succeeded charge to refund. */
    public Money refundable() {
        boolean paid = entry == Entry.CHARGE && (status == Status.SUCCEEDED || status == Status.PARTIALLY_REFUNDED);
        return paid ? amount.minus(refunded) : Money.zero(amount.currency());
    }
}
