package org.masthead.payments.internal;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Checkout;
import org.masthead.payments.CheckoutStarted;
import org.masthead.payments.Money;

/**
 * The port to a payment provider. Two adapters implement it: Stripe ({@code internal.stripe}) and the
 * offline sandbox ({@code internal.sandbox}); {@link PaymentsConfiguration} picks one. Amounts reach an
 * adapter already validated by {@link org.masthead.payments.Payments}.
 *
 * <p>Requests that change something only ask the provider to do it: what happened is learned from the
 * provider's webhook events, through {@link #verify} and the {@link WebhookProcessor}, and only then
 * written to the ledger. So a refund, a cancellation or a price change shows up the same way whether
 * it was asked for here or in the provider's own dashboard or portal.
 *
 * @throws org.masthead.payments.PaymentProviderException (from every method that calls the provider)
 *     when the provider cannot be reached or refuses
 */
public interface PaymentProvider {

    /** The provider's name as it appears in the webhook address: {@code stripe} or {@code sandbox}. */
    String name();

    CheckoutStarted startCheckout(Checkout checkout);

    /** Where to send a customer to manage their card, invoices and subscriptions. */
    URI customerPortal(String customerId, URI returnUrl);

    void setCancelAtPeriodEnd(String subscriptionId, boolean cancel);

    /** Changes what each period costs from the next period on. */
    void changePrice(String subscriptionId, Money price, BillingInterval interval);

    /** Returns {@code amount} of the charge to the customer. */
    void refund(String chargeId, Money amount);

    /**
     * Checks that a webhook request really comes from the provider and is fresh, and reads it.
     *
     * @param signature the value of the provider's signature header, or null if there was none
     * @throws WebhookRejectedException if the signature is missing or wrong, its timestamp is older
     *     than the tolerance (a replay), or the body cannot be read
     */
    ProviderEvent verify(String payload, @Nullable String signature);

    /** The request header the provider signs its webhooks in. */
    String signatureHeader();
}
