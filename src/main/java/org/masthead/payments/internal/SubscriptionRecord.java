package org.masthead.payments.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.SubscriptionStatus;

/** A subscription as the provider last described it, from {@code payment_subscription}. */
public record SubscriptionRecord(
        String provider,
        String subscriptionId,
        String customerId,
        String reference,
        @Nullable Long accountId,
        String email,
        SubscriptionStatus status,
        @Nullable Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        Money price,
        BillingInterval interval,
        Instant updatedByEventAt) {}
