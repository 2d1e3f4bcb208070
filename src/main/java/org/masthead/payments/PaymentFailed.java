package org.masthead.payments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The provider could not take a payment. For a renewal, the subscription goes {@code PAST_DUE} and
 * the provider retries until {@code nextRetry}; when there is none left it cancels the subscription
 * (a {@link SubscriptionChanged} follows). The module that started the checkout tells the reader.
 *
 * @param reference the caller's reference
 * @param reason why, in words fit for the reader
 * @param renewal whether this was a subscription renewal (rather than a first payment)
 * @param nextRetry when the provider tries again, or null if it will not
 * @param amount what could not be taken
 * @param subscriptionId the subscription, if any
 * @param accountId the reader's account, if known
 * @param email the address the payment was made with
 * @param at when it failed
 */
public record PaymentFailed(
        String reference,
        String reason,
        boolean renewal,
        @Nullable Instant nextRetry,
        Money amount,
        @Nullable String subscriptionId,
        @Nullable Long accountId,
        String email,
        Instant at) {}
