package org.masthead.payments;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What a reader is about to pay for, as the calling module decides it on the server: the browser
 * never supplies the amount. Either a {@link OneOff} payment or a {@link Subscription}.
 *
 * <p>{@code reference} is the caller's own identifier for what is being bought (say
 * {@code contribution-42}); every event about the payment carries it back. The reader comes back to
 * {@code successUrl} with {@code checkout=<checkout id>} added to its query, to {@code cancelUrl} as it
 * is.
 */
public sealed interface Checkout {

    /** The query parameter that names the checkout when the reader comes back to the success address. */
    String CHECKOUT_PARAMETER = "checkout";

    /** The success address with the checkout's id (or a provider's placeholder for it) added. */
    static String successUrlFor(URI successUrl, String checkoutId) {
        String url = successUrl.toString();
        return url + (successUrl.getRawQuery() == null ? "?" : "&") + CHECKOUT_PARAMETER + "=" + checkoutId;
    }

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
