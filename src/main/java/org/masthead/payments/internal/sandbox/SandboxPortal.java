package org.masthead.payments.internal.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.masthead.payments.PaymentRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox's customer portal: a visit of an hour in which a customer sees their card,
 * subscriptions and payments, and changes their card. (Cancelling and resuming a subscription there
 * goes through {@link SandboxSubscriptions}, as from the site.)
 */
@Component
public class SandboxPortal {

    static final Duration VISIT_LIFETIME = Duration.ofHours(1);

    private final SandboxStore store;
    private final SandboxClock clock;

    SandboxPortal(SandboxStore store, SandboxClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Opens the customer's portal for an hour; returns the visit's id. */
    @Transactional
    public String open(String customerId, URI returnUrl) {
        store.customer(customerId).orElseThrow(() -> new PaymentRejectedException("The sandbox has no such customer."));
        String id = SandboxStore.newId("bps");
        store.addPortalSession(id, customerId, returnUrl, clock.now().plus(VISIT_LIFETIME));
        return id;
    }

    /** A visit that has not run out, by its id. */
    public Optional<SandboxStore.PortalSession> visit(String id) {
        return store.portalSession(id, clock.now());
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
        store.retrySoon(customerId, clock.billingNow());
    }
}
