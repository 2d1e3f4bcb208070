package org.masthead.payments.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.SubscriptionStatus;

/**
 * A webhook event in the provider-neutral form every adapter reads its provider's events into.
 *
 * @param provider the adapter's {@link PaymentProvider#name()}
 * @param id the provider's event id: the same event delivered twice has the same id
 * @param type the provider's event type, for the record
 * @param created when the provider created the event, which orders events about one subscription
 * @param fact what the event says happened, or null for an event that concerns nothing recorded here
 */
public record ProviderEvent(String provider, String id, String type, Instant created, @Nullable Fact fact) {

    /**
     * What happened. Fields the provider's event may lack (the reference, account and address of a
     * subscription's renewal, say) are null, and are filled in from what was recorded earlier.
     */
    public sealed interface Fact {}

    public record ChargeSucceeded(
            String chargeId,
            Money amount,
            PaymentKind kind,
            @Nullable String customerId,
            @Nullable String subscriptionId,
            @Nullable Instant periodEnd,
            @Nullable String reference,
            @Nullable Long accountId,
            @Nullable String email)
            implements Fact {}

    public record ChargeFailed(
            String chargeId,
            Money amount,
            String reason,
            boolean renewal,
            @Nullable Instant nextRetry,
            @Nullable String customerId,
            @Nullable String subscriptionId,
            @Nullable String reference,
            @Nullable Long accountId,
            @Nullable String email)
            implements Fact {}

    public record SubscriptionUpdated(
            String subscriptionId,
            String customerId,
            SubscriptionStatus status,
            @Nullable Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd,
            Money price,
            BillingInterval interval,
            @Nullable String reference,
            @Nullable Long accountId,
            @Nullable String email)
            implements Fact {}

    /** @param totalRefunded everything refunded from the charge so far, which makes the fact idempotent */
    public record ChargeRefunded(String chargeId, Money totalRefunded) implements Fact {}
}
