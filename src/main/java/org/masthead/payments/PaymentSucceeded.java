package org.masthead.payments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The provider took a payment. Published once per charge, in the transaction that recorded it.
 *
 * @param reference the caller's reference given when the checkout started
 * @param kind one-off, the first payment of a subscription, or a renewal
 * @param amount what was paid
 * @param chargeId the provider's id of the payment, to refund it with {@link Payments#refund}
 * @param customerId the provider's id of the customer, for {@link Payments#customerPortal}
 * @param subscriptionId the subscription paid for, or null for a one-off payment
 * @param periodEnd for a subscription, the end of the period this payment covers
 * @param accountId the reader's account, if the checkout named one
 * @param email the address the payment was made with
 * @param at when the provider took the payment
 */
public record PaymentSucceeded(
        String reference,
        PaymentKind kind,
        Money amount,
        String chargeId,
        String customerId,
        @Nullable String subscriptionId,
        @Nullable Instant periodEnd,
        @Nullable Long accountId,
        String email,
        Instant at) {}
