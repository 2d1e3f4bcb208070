package org.masthead.payments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A subscription's state as the provider now reports it: created, renewed, past due, set to cancel
 * at the period's end, resumed, repriced or canceled. Only ever newer than the last one published for
 * the subscription: a provider event that arrives after a newer one is recorded and not published.
 *
 * @param reference the caller's reference given when the checkout started
 * @param subscriptionId the provider's id
 * @param customerId the provider's id of the customer
 * @param status the provider's view; membership decides what it entitles the reader to
 * @param currentPeriodEnd the end of the period paid for (or of the trial)
 * @param cancelAtPeriodEnd whether it ends at {@code currentPeriodEnd} instead of renewing
 * @param price what each period costs
 * @param interval how long a period is
 * @param accountId the reader's account, if the checkout named one
 * @param email the address the subscription was taken out with
 * @param at when the provider changed it
 */
public record SubscriptionChanged(
        String reference,
        String subscriptionId,
        String customerId,
        SubscriptionStatus status,
        @Nullable Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        Money price,
        BillingInterval interval,
        @Nullable Long accountId,
        String email,
        Instant at) {}
