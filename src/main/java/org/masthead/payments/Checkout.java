package org.masthead.payments;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What a reader is about to pay for, as the calling module decides it on the server: the browser
 * never supplies the amount. Either a {@link OneOff} payment or a {@link Subscription}.
 *
 * <p>{@code reference} is the caller's own identifier for what is being bought (say
 * {@code contribution-42}); every event about the payment carries it back. {@code successUrl} may
 * contain {@code {CHECKOUT_ID}}, replaced with the checkout's id when the reader is sent back.
 */
public sealed interface Checkout {

    String description();

    String customerEmail();

    @Nullable
    Long accountId();

    String reference();

    URI successUrl();

    URI cancelUrl();

    /** A single payment of {@code amount}. */
    record OneOff(
            Money amount,
            String description,
            String customerEmail,
            @Nullable Long accountId,
            String reference,
            URI successUrl,
            URI cancelUrl)
            implements Checkout {}

    /**
     * A subscription charged {@code price} every {@code interval}, after {@code trialDays} free days
     * (0 for none).
     */
    record Subscription(
            Money price,
            BillingInterval interval,
            int trialDays,
            String description,
            String customerEmail,
            @Nullable Long accountId,
            String reference,
            URI successUrl,
            URI cancelUrl)
            implements Checkout {}
}
