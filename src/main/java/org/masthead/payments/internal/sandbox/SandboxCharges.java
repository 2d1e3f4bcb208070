package org.masthead.payments.internal.sandbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.PaymentRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox's charges: each is recorded and its webhook event queued together, in the caller's
 * transaction, so that what the sandbox holds and what it tells the application never disagree.
 */
@Component
public class SandboxCharges {

    static final String DECLINED = "Your card was declined. No money was taken.";

    /** Whom a charge's event names, as a Stripe charge carries its checkout's or subscription's metadata. */
    private record Payer(String email, String reference, @Nullable Long accountId) {}

    private final SandboxStore store;
    private final SandboxEvents events;
    private final SandboxClock clock;

    SandboxCharges(SandboxStore store, SandboxEvents events, SandboxClock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** A one-off payment at checkout. */
    void oneOff(SandboxStore.CheckoutRow checkout, SandboxStore.CustomerRow customer, Instant at) {
        SandboxStore.ChargeRow charge = add(customer.id(), null, checkout.amount(), null, at);
        Payer payer = new Payer(checkout.email(), checkout.reference(), checkout.accountId());
        tell("charge.succeeded", charge, payer, PaymentKind.ONE_OFF, null, null, false);
    }

    /** A subscription's payment for the period it now runs to: its first, or a renewal. */
    void subscriptionPaid(SandboxStore.SubscriptionRow s, String email, PaymentKind kind, Instant at) {
        SandboxStore.ChargeRow charge = add(s.customerId(), s.id(), s.price(), null, at);
        tell("charge.succeeded", charge, payerOf(s, email), kind, s.currentPeriodEnd(), null, false);
    }

    /**
     * A renewal the card declined.
     *
     * @param nextRetry when it is tried again on the billing clock, or null if this was the last try
     */
    void renewalDeclined(SandboxStore.SubscriptionRow s, String email, @Nullable Instant nextRetry, Instant at) {
        SandboxStore.ChargeRow charge = add(s.customerId(), s.id(), s.price(), DECLINED, at);
        tell("charge.failed", charge, payerOf(s, email), null, null, nextRetry, true);
    }

    /**
     * Returns part or all of a succeeded charge.
     *
     * @throws PaymentRejectedException if there is no such succeeded charge, or not that much is left of it
     */
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
        SandboxStore.ChargeRow refunded = new SandboxStore.ChargeRow(
                charge.id(),
                charge.customerId(),
                charge.subscriptionId(),
                charge.amount(),
                total,
                true,
                null,
                clock.now());
        // Stripe's charge.refunded carries no metadata: the application finds the charge by its id.
        String email = store.customer(charge.customerId()).orElseThrow().email();
        tell("charge.refunded", refunded, new Payer(email, "", null), null, null, null, false);
    }

    private SandboxStore.ChargeRow add(
            String customerId, @Nullable String subscriptionId, Money amount, @Nullable String failure, Instant at) {
        SandboxStore.ChargeRow charge = new SandboxStore.ChargeRow(
                SandboxStore.newId("ch"),
                customerId,
                subscriptionId,
                amount,
                Money.zero(amount.currency()),
                failure == null,
                failure,
                at);
        store.addCharge(charge);
        return charge;
    }

    /** Queues the event that tells of the charge, dated when the charge was made (or refunded). */
    private void tell(
            String type,
            SandboxStore.ChargeRow charge,
            Payer payer,
            @Nullable PaymentKind kind,
            @Nullable Instant periodEnd,
            @Nullable Instant nextRetry,
            boolean renewal) {
        events.add(
                type,
                charge.createdAt(),
                new SandboxWire.Charge(
                        charge.id(),
                        charge.amount().minorUnits(),
                        charge.amount().currencyCode(),
                        charge.refunded().minorUnits(),
                        charge.customerId(),
                        payer.email(),
                        charge.subscriptionId(),
                        payer.reference(),
                        payer.accountId(),
                        kind == null ? null : kind.name(),
                        periodEnd == null ? null : periodEnd.toString(),
                        charge.failureReason(),
                        nextRetry == null ? null : nextRetry.toString(),
                        renewal),
                null);
    }

    private static Payer payerOf(SandboxStore.SubscriptionRow s, String email) {
        return new Payer(email, s.reference(), s.accountId());
    }
}
