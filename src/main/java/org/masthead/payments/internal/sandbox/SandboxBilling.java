package org.masthead.payments.internal.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Checkout;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.PaymentRejectedException;
import org.masthead.payments.PaymentsProperties;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox provider's billing: what Stripe does on its side, done in the sandbox's own tables. Every
 * change queues the webhook events that describe it (see {@link SandboxEvents}) in the same
 * transaction; the application learns of it only from those.
 *
 * <p>Time runs at {@code masthead.payments.sandbox.month-length} per month, so renewals, trials and the
 * grace period can be seen in minutes. A failed renewal leaves the subscription {@code PAST_DUE} and is
 * retried every tenth of a month; after {@code renewal-attempts} failures the subscription is canceled.
 */
@Service
public class SandboxBilling {

    /** How long a checkout page stays open, as Stripe's do. */
    static final Duration CHECKOUT_LIFETIME = Duration.ofHours(24);

    static final Duration PORTAL_LIFETIME = Duration.ofHours(1);
    static final String DECLINED = "Your card was declined. No money was taken.";

    /** What came of paying at a sandbox checkout. */
    public sealed interface Payment {
        /** Paid: send the reader to the caller's success address. */
        record Paid(URI successUrl) implements Payment {}

        /** Refused by the card: tell the reader, and let them try another. */
        record Declined(String message) implements Payment {}
    }

    private final SandboxStore store;
    private final SandboxEvents events;
    private final PaymentsProperties.Sandbox settings;
    private final Clock clock;

    SandboxBilling(SandboxStore store, SandboxEvents events, PaymentsProperties properties, Clock clock) {
        this.store = store;
        this.events = events;
        this.settings = properties.sandbox();
        this.clock = clock;
    }

    /** Opens a checkout: the amount stays here, and the page only ever shows it. */
    @Transactional
    public String open(Checkout checkout) {
        Instant now = now();
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
                                now.plus(CHECKOUT_LIFETIME));
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
                                now.plus(CHECKOUT_LIFETIME));
                };
        store.addCheckout(row, now);
        return id;
    }

    /** A checkout a reader may still pay, by its id. */
    public Optional<SandboxStore.CheckoutRow> openCheckout(String id) {
        Instant now = now();
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
        Instant now = now();
        SandboxStore.CheckoutRow checkout = store.lockCheckout(checkoutId)
                .filter(c -> c.open() && c.expiresAt().isAfter(now))
                .orElseThrow(() -> new NotFoundException("There is no open checkout with this id."));
        if (card == TestCard.DECLINED) {
            return new Payment.Declined(DECLINED + " Please try another card.");
        }
        SandboxStore.CustomerRow customer = new SandboxStore.CustomerRow(
                SandboxStore.newId("cus"), checkout.email(), card.number().substring(12), card);
        store.addCustomer(customer, now);
        if (!checkout.subscription()) {
            String chargeId = charge(customer.id(), null, checkout.amount(), null, now);
            events.add(
                    "charge.succeeded",
                    now,
                    new SandboxWire.Charge(
                            chargeId,
                            checkout.amount().minorUnits(),
                            checkout.amount().currencyCode(),
                            0,
                            customer.id(),
                            checkout.email(),
                            null,
                            checkout.reference(),
                            checkout.accountId(),
                            PaymentKind.ONE_OFF.name(),
                            null,
                            null,
                            null,
                            false),
                    null);
        } else {
            BillingInterval interval = checkout.interval() == null ? BillingInterval.MONTH : checkout.interval();
            boolean trial = checkout.trialDays() > 0;
            Instant billingNow = billingNow();
            Instant periodEnd = trial
                    ? billingNow.plus(settings.day().multipliedBy(checkout.trialDays()))
                    : billingNow.plus(period(interval));
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
            subscriptionEvent(subscription, checkout.email(), now);
            if (!trial) {
                String chargeId = charge(customer.id(), subscription.id(), checkout.amount(), null, now);
                chargeSucceeded(subscription, chargeId, checkout.email(), PaymentKind.FIRST, now);
            }
        }
        store.completeCheckout(checkoutId);
        return new Payment.Paid(URI.create(Checkout.successUrlFor(checkout.successUrl(), checkoutId)));
    }

    /**
     * Renews, retries or ends the next subscription due by {@code billingTime}, if any; returns whether there was
     * one. One subscription per transaction, claimed so that nodes running this at once share the work.
     */
    @Transactional
    public boolean renewNext(Instant billingTime) {
        // The billing clock decides what is due and when to retry; events and charges carry the real
        // time, which is what orders them at the receiving end.
        Instant at = now();
        Optional<SandboxStore.SubscriptionRow> due = store.lockNextDue(billingTime);
        if (due.isEmpty()) {
            return false;
        }
        SandboxStore.SubscriptionRow s = due.get();
        SandboxStore.CustomerRow customer = store.customer(s.customerId()).orElseThrow();
        if (s.cancelAtPeriodEnd()) {
            SandboxStore.SubscriptionRow ended = withState(
                    s, SubscriptionStatus.CANCELED, s.currentPeriodEnd(), s.failedAttempts(), s.paidCharges());
            store.updateSubscription(ended, null);
            subscriptionEvent(ended, customer.email(), at);
            return true;
        }
        boolean first = s.paidCharges() == 0;
        boolean fails = customer.card() == TestCard.FAILS_ON_RENEWAL && !first;
        if (!fails) {
            Instant periodEnd = s.currentPeriodEnd().plus(period(s.interval()));
            while (!periodEnd.isAfter(billingTime)) {
                periodEnd = periodEnd.plus(period(s.interval()));
            }
            SandboxStore.SubscriptionRow renewed =
                    withState(s, SubscriptionStatus.ACTIVE, periodEnd, 0, s.paidCharges() + 1);
            store.updateSubscription(renewed, periodEnd);
            String chargeId = charge(customer.id(), s.id(), s.price(), null, at);
            subscriptionEvent(renewed, customer.email(), at);
            chargeSucceeded(renewed, chargeId, customer.email(), first ? PaymentKind.FIRST : PaymentKind.RENEWAL, at);
            return true;
        }
        int failures = s.failedAttempts() + 1;
        boolean lastTry = failures >= settings.renewalAttempts();
        Instant nextRetry =
                lastTry ? null : billingTime.plus(settings.monthLength().dividedBy(10));
        SandboxStore.SubscriptionRow after = withState(
                s,
                lastTry ? SubscriptionStatus.CANCELED : SubscriptionStatus.PAST_DUE,
                s.currentPeriodEnd(),
                failures,
                s.paidCharges());
        store.updateSubscription(after, nextRetry);
        String chargeId = charge(customer.id(), s.id(), s.price(), DECLINED, at);
        events.add(
                "charge.failed",
                at,
                new SandboxWire.Charge(
                        chargeId,
                        s.price().minorUnits(),
                        s.price().currencyCode(),
                        0,
                        customer.id(),
                        customer.email(),
                        s.id(),
                        s.reference(),
                        s.accountId(),
                        null,
                        null,
                        DECLINED,
                        text(nextRetry),
                        true),
                null);
        subscriptionEvent(after, customer.email(), at);
        return true;
    }

    @Transactional
    public void setCancelAtPeriodEnd(String subscriptionId, boolean cancel) {
        SandboxStore.SubscriptionRow s = liveSubscription(subscriptionId);
        SandboxStore.SubscriptionRow changed = new SandboxStore.SubscriptionRow(
                s.id(),
                s.customerId(),
                s.reference(),
                s.accountId(),
                s.description(),
                s.price(),
                s.interval(),
                s.status(),
                s.currentPeriodEnd(),
                cancel,
                s.failedAttempts(),
                s.paidCharges());
        store.updateSubscriptionKeepingSchedule(changed);
        subscriptionEvent(changed, emailOf(s), now());
    }

    @Transactional
    public void changePrice(String subscriptionId, Money price, BillingInterval interval) {
        SandboxStore.SubscriptionRow s = liveSubscription(subscriptionId);
        SandboxStore.SubscriptionRow changed = new SandboxStore.SubscriptionRow(
                s.id(),
                s.customerId(),
                s.reference(),
                s.accountId(),
                s.description(),
                price,
                interval,
                s.status(),
                s.currentPeriodEnd(),
                s.cancelAtPeriodEnd(),
                s.failedAttempts(),
                s.paidCharges());
        store.updateSubscriptionKeepingSchedule(changed);
        subscriptionEvent(changed, emailOf(s), now());
    }

    @Transactional
    public void refund(String chargeId, Money amount) {
        SandboxStore.ChargeRow charge = store.lockCharge(chargeId)
                .filter(SandboxStore.ChargeRow::succeeded)
                .orElseThrow(() -> new PaymentRejectedException("The sandbox has no such charge."));
        Money total = charge.refunded().plus(amount);
        if (total.compareTo(charge.amount()) > 0) {
            throw new PaymentRejectedException("That is more than is left of the charge.");
        }
        store.setRefunded(chargeId, total);
        SandboxStore.CustomerRow customer = store.customer(charge.customerId()).orElseThrow();
        events.add(
                "charge.refunded",
                now(),
                new SandboxWire.Charge(
                        chargeId,
                        charge.amount().minorUnits(),
                        charge.amount().currencyCode(),
                        total.minorUnits(),
                        customer.id(),
                        customer.email(),
                        charge.subscriptionId(),
                        "",
                        null,
                        null,
                        null,
                        null,
                        null,
                        false),
                null);
    }

    /** Opens the customer's portal for an hour; returns the visit's id. */
    @Transactional
    public String openPortal(String customerId, URI returnUrl) {
        store.customer(customerId).orElseThrow(() -> new PaymentRejectedException("The sandbox has no such customer."));
        String id = SandboxStore.newId("bps");
        store.addPortalSession(id, customerId, returnUrl, now().plus(PORTAL_LIFETIME));
        return id;
    }

    public Optional<SandboxStore.PortalSession> portal(String id) {
        return store.portalSession(id, now());
    }

    public Optional<SandboxStore.CustomerRow> customer(String id) {
        return store.customer(id);
    }

    public List<SandboxStore.SubscriptionRow> subscriptionsOf(String customerId) {
        return store.subscriptionsOf(customerId);
    }

    public List<SandboxStore.ChargeRow> chargesOf(String customerId) {
        return store.chargesOf(customerId);
    }

    /** A new card for the customer. Subscriptions past due are tried again with it at once. */
    @Transactional
    public void changeCard(String customerId, TestCard card) {
        store.changeCard(customerId, card);
        store.retrySoon(customerId, billingNow());
    }

    private String charge(
            String customerId, @Nullable String subscriptionId, Money amount, @Nullable String failure, Instant now) {
        String id = SandboxStore.newId("ch");
        store.addCharge(new SandboxStore.ChargeRow(
                id, customerId, subscriptionId, amount, Money.zero(amount.currency()), failure == null, failure, now));
        return id;
    }

    private void chargeSucceeded(
            SandboxStore.SubscriptionRow s, String chargeId, String email, PaymentKind kind, Instant now) {
        events.add(
                "charge.succeeded",
                now,
                new SandboxWire.Charge(
                        chargeId,
                        s.price().minorUnits(),
                        s.price().currencyCode(),
                        0,
                        s.customerId(),
                        email,
                        s.id(),
                        s.reference(),
                        s.accountId(),
                        kind.name(),
                        s.currentPeriodEnd().toString(),
                        null,
                        null,
                        false),
                null);
    }

    private void subscriptionEvent(SandboxStore.SubscriptionRow s, String email, Instant now) {
        events.add(
                "subscription.updated",
                now,
                null,
                new SandboxWire.Subscription(
                        s.id(),
                        s.customerId(),
                        email,
                        s.reference(),
                        s.accountId(),
                        s.status().name(),
                        s.currentPeriodEnd().toString(),
                        s.cancelAtPeriodEnd(),
                        s.price().minorUnits(),
                        s.price().currencyCode(),
                        s.interval().name()));
    }

    private SandboxStore.SubscriptionRow liveSubscription(String id) {
        return store.lockSubscription(id)
                .filter(s -> s.status() != SubscriptionStatus.CANCELED)
                .orElseThrow(() -> new PaymentRejectedException("The sandbox has no such live subscription."));
    }

    private String emailOf(SandboxStore.SubscriptionRow s) {
        return store.customer(s.customerId()).orElseThrow().email();
    }

    private static SandboxStore.SubscriptionRow withState(
            SandboxStore.SubscriptionRow s, SubscriptionStatus status, Instant periodEnd, int failures, int paid) {
        return new SandboxStore.SubscriptionRow(
                s.id(),
                s.customerId(),
                s.reference(),
                s.accountId(),
                s.description(),
                s.price(),
                s.interval(),
                status,
                periodEnd,
                s.cancelAtPeriodEnd(),
                failures,
                paid);
    }

    private Duration period(BillingInterval interval) {
        return interval == BillingInterval.YEAR ? settings.monthLength().multipliedBy(12) : settings.monthLength();
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * The time on the sandbox's billing clock: real time plus however far admins have moved it on.
     * Periods, trials and retries run on it; events and charges carry real time.
     */
    public Instant billingNow() {
        return now().plus(store.clockOffset());
    }

    /** How far the billing clock runs ahead of real time. */
    public Duration clockOffset() {
        return store.clockOffset();
    }

    /** Moves the billing clock on; what falls due happens when the renewal job next runs. */
    @Transactional
    public void advanceClock(Duration by) {
        store.advanceClock(by);
    }

    /** PostgreSQL keeps microseconds: events' times are cut to that, so they read back as written. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
