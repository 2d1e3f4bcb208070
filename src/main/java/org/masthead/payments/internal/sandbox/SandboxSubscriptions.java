package org.masthead.payments.internal.sandbox;

import java.time.Instant;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentRejectedException;
import org.masthead.payments.SubscriptionStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox's subscriptions as the site or the customer's portal changes them. Every change is
 * written and its {@code subscription.updated} event queued together, in one transaction.
 */
@Component
public class SandboxSubscriptions {

    private final SandboxStore store;
    private final SandboxEvents events;
    private final SandboxClock clock;

    SandboxSubscriptions(SandboxStore store, SandboxEvents events, SandboxClock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Ends the subscription when its period does (or, with false, lets it renew again). */
    @Transactional
    public void setCancelAtPeriodEnd(String subscriptionId, boolean cancel) {
        SandboxStore.SubscriptionRow s = live(subscriptionId);
        change(s.withCancelAtPeriodEnd(cancel));
    }

    /** Charges this price every interval from the next period on. */
    @Transactional
    public void changePrice(String subscriptionId, Money price, BillingInterval interval) {
        SandboxStore.SubscriptionRow s = live(subscriptionId);
        change(s.withPrice(price, interval));
    }

    private void change(SandboxStore.SubscriptionRow changed) {
        store.updateSubscriptionKeepingSchedule(changed);
        tell(changed, store.customer(changed.customerId()).orElseThrow().email(), clock.now());
    }

    /** Queues the event that tells the application the subscription's state as it is now. */
    void tell(SandboxStore.SubscriptionRow s, String email, Instant at) {
        events.add(
                "subscription.updated",
                at,
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

    private SandboxStore.SubscriptionRow live(String id) {
        return store.lockSubscription(id)
                .filter(s -> s.status() != SubscriptionStatus.CANCELED)
                .orElseThrow(() -> new PaymentRejectedException("The sandbox has no such live subscription."));
    }
}
