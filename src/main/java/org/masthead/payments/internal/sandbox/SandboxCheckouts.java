package org.masthead.payments.internal.sandbox;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Checkout;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.platform.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox's checkout: a page of this site where a reader pays with a test card. The amount is
 * fixed when the checkout opens and kept here; the page only ever shows it. Paying creates what
 * Stripe would (customer, charge, subscription) and queues their webhook events in one transaction.
 */
@Component
public class SandboxCheckouts {

    /** How long a checkout page stays open, as Stripe's do. */
    static final Duration LIFETIME = Duration.ofHours(24);

    /** What came of paying at a sandbox checkout. */
    public sealed interface Payment {
        /** Paid: send the reader to the caller's success address. */
        record Paid(URI successUrl) implements Payment {}

        /** Refused by the card: tell the reader, and let them try another. */
        record Declined(String message) implements Payment {}
    }

    private final SandboxStore store;
    private final SandboxCharges charges;
    private final SandboxSubscriptions subscriptions;
    private final SandboxClock clock;

    SandboxCheckouts(
            SandboxStore store, SandboxCharges charges, SandboxSubscriptions subscriptions, SandboxClock clock) {
        this.store = store;
        this.charges = charges;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** Opens a checkout; returns its id. */
    @Transactional
    public String open(Checkout checkout) {
        Instant now = clock.now();
        String id = SandboxStore.newId("cs");
        SandboxStore.CheckoutRow row =
                switch (checkout) {
                    case Checkout.OneOff o ->
                        new SandboxStore.CheckoutRow(
                                id,
                                false,
                                o.amount(),
                                null,
                                0,
                                o.description(),
                                o.customerEmail(),
                                o.accountId(),
                                o.reference(),
                                o.successUrl(),
                                o.cancelUrl(),
                                true,
                                now.plus(LIFETIME));
                    case Checkout.Subscription s ->
                        new SandboxStore.CheckoutRow(
                                id,
                                true,
                                s.price(),
                                s.interval(),
                                s.trialDays(),
                                s.description(),
                                s.customerEmail(),
                                s.accountId(),
                                s.reference(),
                                s.successUrl(),
                                s.cancelUrl(),
                                true,
                                now.plus(LIFETIME));
                };
        store.addCheckout(row, now);
        return id;
    }

    /** A checkout a reader may still pay, by its id. */
    public Optional<SandboxStore.CheckoutRow> openCheckout(String id) {
        Instant now = clock.now();
        return store.checkout(id).filter(c -> c.open() && c.expiresAt().isAfter(now));
    }

    /**
     * Pays an open checkout with a test card: creates the customer, the charge, and for a subscription
     * the subscription, and queues their events. The amount is the checkout's, fixed when it opened.
     *
     * @throws NotFoundException if there is no such open checkout (unknown, paid or expired)
     */
    @Transactional
    public Payment pay(String checkoutId, TestCard card) {
        Instant now = clock.now();
        SandboxStore.CheckoutRow checkout = store.lockCheckout(checkoutId)
                .filter(c -> c.open() && c.expiresAt().isAfter(now))
                .orElseThrow(() -> new NotFoundException("There is no open checkout with this id."));
        if (card == TestCard.DECLINED) {
            return new Payment.Declined(SandboxCharges.DECLINED + " Please try another card.");
        }
        SandboxStore.CustomerRow customer = new SandboxStore.CustomerRow(
                SandboxStore.newId("cus"), checkout.email(), card.number().substring(12), card);
        store.addCustomer(customer, now);
        if (checkout.subscription()) {
            subscribe(checkout, customer, now);
        } else {
            charges.oneOff(checkout, customer, now);
        }
        store.completeCheckout(checkoutId);
        return new Payment.Paid(URI.create(Checkout.successUrlFor(checkout.successUrl(), checkoutId)));
    }

    /** Starts the subscription: in its trial, or paid for its first period at once. */
    private void subscribe(SandboxStore.CheckoutRow checkout, SandboxStore.CustomerRow customer, Instant now) {
        BillingInterval interval = checkout.interval() == null ? BillingInterval.MONTH : checkout.interval();
        boolean trial = checkout.trialDays() > 0;
        Instant billingNow = clock.billingNow();
        Instant periodEnd = billingNow.plus(trial ? clock.trial(checkout.trialDays()) : clock.period(interval));
        SandboxStore.SubscriptionRow subscription = new SandboxStore.SubscriptionRow(
                SandboxStore.newId("sub"),
                customer.id(),
                checkout.reference(),
                checkout.accountId(),
                checkout.description(),
                checkout.amount(),
                interval,
                trial ? SubscriptionStatus.TRIALING : SubscriptionStatus.ACTIVE,
                periodEnd,
                false,
                0,
                trial ? 0 : 1);
        store.addSubscription(subscription, now);
        subscriptions.tell(subscription, checkout.email(), now);
        if (!trial) {
            charges.subscriptionPaid(subscription, checkout.email(), PaymentKind.FIRST, now);
        }
    }
}
