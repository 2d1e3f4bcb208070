package org.masthead.payments.internal.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Checkout;
import org.masthead.payments.CheckoutStarted;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentProviderException;
import org.masthead.payments.PaymentRejectedException;
import org.masthead.payments.PaymentsProperties;
import org.masthead.payments.internal.PaymentProvider;
import org.masthead.payments.internal.ProviderEvent;
import org.masthead.payments.internal.WebhookRejectedException;

/**
 * Stripe, through stripe-java's {@link StripeClient}: Checkout Sessions with the price given inline
 * ({@code price_data}, in minor units, from the caller's own records), the Customer Portal,
 * subscription updates and refunds. Webhooks are verified with the SDK's {@link Webhook#constructEvent}
 * and read by {@link StripeEvents}.
 *
 * <p>What is bought is tagged with metadata ({@code masthead_reference}, {@code masthead_account},
 * {@code masthead_email}) on the session, its payment intent and its subscription, so that every event
 * Stripe sends about it can be traced back to the caller's reference. The API base is configurable
 * ({@code masthead.payments.stripe.api-base}) so tests can point the real SDK at a local stub.
 */
public class StripeProvider implements PaymentProvider {

    public static final String NAME = "stripe";
    static final String REFERENCE = "masthead_reference";
    static final String ACCOUNT = "masthead_account";
    static final String EMAIL = "masthead_email";

    private final StripeClient client;
    private final String webhookSecret;
    private final long toleranceSeconds;
    private final Clock clock;

    public StripeProvider(PaymentsProperties properties, Clock clock) {
        this.client = StripeClient.builder()
                .setApiKey(properties.stripe().secretKey())
                .setApiBase(properties.stripe().apiBase())
                .setMaxNetworkRetries(2)
                .build();
        this.webhookSecret = properties.stripe().webhookSecret();
        this.toleranceSeconds = properties.webhookTolerance().toSeconds();
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckoutStarted startCheckout(Checkout checkout) {
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setSuccessUrl(Checkout.successUrlFor(checkout.successUrl(), "{CHECKOUT_SESSION_ID}"))
                .setCancelUrl(checkout.cancelUrl().toString())
                .setCustomerEmail(checkout.customerEmail())
                .setClientReferenceId(checkout.reference())
                .putMetadata(REFERENCE, checkout.reference());
        if (checkout.accountId() != null) {
            params.putMetadata(ACCOUNT, checkout.accountId().toString());
        }
        switch (checkout) {
            case Checkout.OneOff oneOff -> {
                SessionCreateParams.PaymentIntentData.Builder intent = SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata(REFERENCE, checkout.reference())
                        .putMetadata(EMAIL, checkout.customerEmail());
                if (checkout.accountId() != null) {
                    intent.putMetadata(ACCOUNT, checkout.accountId().toString());
                }
                params.setMode(SessionCreateParams.Mode.PAYMENT)
                        .setCustomerCreation(SessionCreateParams.CustomerCreation.ALWAYS)
                        .setPaymentIntentData(intent.build())
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setQuantity(1L)
                                .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                        .setCurrency(currency(oneOff.amount()))
                                        .setUnitAmount(oneOff.amount().minorUnits())
                                        .setProductData(product(checkout))
                                        .build())
                                .build());
            }
            case Checkout.Subscription subscription -> {
                SessionCreateParams.SubscriptionData.Builder data = SessionCreateParams.SubscriptionData.builder()
                        .putMetadata(REFERENCE, checkout.reference())
                        .putMetadata(EMAIL, checkout.customerEmail());
                if (checkout.accountId() != null) {
                    data.putMetadata(ACCOUNT, checkout.accountId().toString());
                }
                if (subscription.trialDays() > 0) {
                    data.setTrialPeriodDays((long) subscription.trialDays());
                }
                params.setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                        .setSubscriptionData(data.build())
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setQuantity(1L)
                                .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                        .setCurrency(currency(subscription.price()))
                                        .setUnitAmount(subscription.price().minorUnits())
                                        .setProductData(product(checkout))
                                        .setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                                                .setInterval(
                                                        subscription.interval() == BillingInterval.YEAR
                                                                ? SessionCreateParams.LineItem.PriceData.Recurring
                                                                        .Interval.YEAR
                                                                : SessionCreateParams.LineItem.PriceData.Recurring
                                                                        .Interval.MONTH)
                                                .build())
                                        .build())
                                .build());
            }
        }
        Session session = call(() -> client.v1().checkout().sessions().create(params.build()));
        return new CheckoutStarted(session.getId(), URI.create(session.getUrl()));
    }

    @Override
    public URI customerPortal(String customerId, URI returnUrl) {
        com.stripe.model.billingportal.Session session = call(() -> client.v1()
                .billingPortal()
                .sessions()
                .create(com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(customerId)
                        .setReturnUrl(returnUrl.toString())
                        .build()));
        return URI.create(session.getUrl());
    }

    @Override
    public void setCancelAtPeriodEnd(String subscriptionId, boolean cancel) {
        call(() -> client.v1()
                .subscriptions()
                .update(
                        subscriptionId,
                        SubscriptionUpdateParams.builder()
                                .setCancelAtPeriodEnd(cancel)
                                .build()));
    }

    /**
     * Replaces the subscription's one item with an inline price for the same product, from the next
     * period on (no proration: the period paid for keeps its price).
     */
    @Override
    public void changePrice(String subscriptionId, Money price, BillingInterval interval) {
        Subscription subscription = call(() -> client.v1().subscriptions().retrieve(subscriptionId));
        SubscriptionItem item = subscription.getItems().getData().getFirst();
        call(() -> client.v1()
                .subscriptions()
                .update(
                        subscriptionId,
                        SubscriptionUpdateParams.builder()
                                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.NONE)
                                .addItem(SubscriptionUpdateParams.Item.builder()
                                        .setId(item.getId())
                                        .setPriceData(SubscriptionUpdateParams.Item.PriceData.builder()
                                                .setCurrency(currency(price))
                                                .setProduct(item.getPrice().getProduct())
                                                .setUnitAmount(price.minorUnits())
                                                .setRecurring(
                                                        SubscriptionUpdateParams.Item.PriceData.Recurring.builder()
                                                                .setInterval(
                                                                        interval == BillingInterval.YEAR
                                                                                ? SubscriptionUpdateParams.Item
                                                                                        .PriceData.Recurring.Interval
                                                                                        .YEAR
                                                                                : SubscriptionUpdateParams.Item
                                                                                        .PriceData.Recurring.Interval
                                                                                        .MONTH)
                                                                .build())
                                                .build())
                                        .build())
                                .build()));
    }

    /** Charges here are Stripe payment intents ({@code pi_…}); older charges ({@code ch_…}) work too. */
    @Override
    public void refund(String chargeId, Money amount) {
        RefundCreateParams.Builder params = RefundCreateParams.builder().setAmount(amount.minorUnits());
        if (chargeId.startsWith("ch_") || chargeId.startsWith("py_")) {
            params.setCharge(chargeId);
        } else {
            params.setPaymentIntent(chargeId);
        }
        call(() -> client.v1().refunds().create(params.build()));
    }

    @Override
    public String signatureHeader() {
        return "Stripe-Signature";
    }

    @Override
    public ProviderEvent verify(String payload, @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            throw new WebhookRejectedException("The request is not signed.");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, webhookSecret, toleranceSeconds, clock);
        } catch (SignatureVerificationException e) {
            throw new WebhookRejectedException(e.getMessage());
        } catch (RuntimeException e) {
            throw new WebhookRejectedException("The event cannot be read.");
        }
        try {
            return StripeEvents.read(event);
        } catch (WebhookRejectedException e) {
            throw e;
        } catch (PaymentRejectedException e) {
            // A currency the site does not take: the message says which, in words.
            throw new WebhookRejectedException(e.getMessage());
        } catch (RuntimeException e) {
            // An object of another shape than its type promises; its Java details help nobody.
            throw new WebhookRejectedException("The event cannot be read.");
        }
    }

    private static SessionCreateParams.LineItem.PriceData.ProductData product(Checkout checkout) {
        return SessionCreateParams.LineItem.PriceData.ProductData.builder()
                .setName(checkout.description())
                .build();
    }

    private static String currency(Money money) {
        return money.currencyCode().toLowerCase(Locale.ROOT);
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T call() throws StripeException;
    }

    private static <T> T call(StripeCall<T> call) {
        try {
            return call.call();
        } catch (StripeException e) {
            throw new PaymentProviderException("Stripe refused or could not be reached: " + e.getMessage(), e);
        }
    }
}
