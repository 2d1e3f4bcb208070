package org.masthead.payments.internal.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.PaymentsProperties;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.platform.Workers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox's renewals, run by its billing clock (see {@link SandboxClock}): every {@code
 * masthead.payments.sandbox.renewal-poll-interval}, on every node, renews the subscriptions whose period
 * has ended, retries past-due ones and ends those set to cancel. A failed renewal leaves the
 * subscription {@code PAST_DUE} and is retried every tenth of a month; after {@code renewal-attempts}
 * failures the subscription is canceled. Nodes share the work through row locks: each subscription is
 * claimed and dealt with in a transaction of its own.
 */
@Component
public class SandboxRenewals {

    private final SandboxStore store;
    private final SandboxCharges charges;
    private final SandboxSubscriptions subscriptions;
    private final SandboxClock clock;
    private final PaymentsProperties.Sandbox settings;
    private final TransactionTemplate transaction;

    SandboxRenewals(
            SandboxStore store,
            SandboxCharges charges,
            SandboxSubscriptions subscriptions,
            SandboxClock clock,
            PaymentsProperties properties,
            TransactionTemplate transaction,
            Workers workers) {
        this.store = store;
        this.charges = charges;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.settings = properties.sandbox();
        this.transaction = transaction;
        workers.run(
                "payment-sandbox-renewals", settings.renewalPollInterval(), null, () -> renewNext(clock.billingNow()));
    }

    /**
     * Does everything due by {@code now}; returns how many subscriptions it dealt with. Tests and the
     * demo pass a time in the future to see what the billing clock would do by then.
     */
    public int renewDue(Instant now) {
        int handled = 0;
        while (renewNext(now)) {
            handled++;
        }
        return handled;
    }

    /**
     * Moves the sandbox's billing clock on by {@code by} and does at once whatever falls due by the new
     * time; returns how many subscriptions it dealt with.
     */
    public int advance(Duration by) {
        clock.advance(by);
        return renewDue(clock.billingNow());
    }

    /**
     * Renews, retries or ends the next subscription due by {@code billingTime}, if any; returns whether
     * there was one.
     */
    boolean renewNext(Instant billingTime) {
        return Boolean.TRUE.equals(transaction.execute(status -> renewNextInTransaction(billingTime)));
    }

    private boolean renewNextInTransaction(Instant billingTime) {
        // The billing clock decides what is due and when to retry; events and charges carry the real
        // time, which is what orders them at the receiving end.
        Instant at = clock.now();
        Optional<SandboxStore.SubscriptionRow> due = store.lockNextDue(billingTime);
        if (due.isEmpty()) {
            return false;
        }
        SandboxStore.SubscriptionRow s = due.get();
        SandboxStore.CustomerRow customer = store.customer(s.customerId()).orElseThrow();
        if (s.cancelAtPeriodEnd()) {
            SandboxStore.SubscriptionRow ended =
                    s.withState(SubscriptionStatus.CANCELED, s.currentPeriodEnd(), s.failedAttempts(), s.paidCharges());
            store.updateSubscription(ended, null);
            subscriptions.tell(ended, customer.email(), at);
            return true;
        }
        boolean first = s.paidCharges() == 0;
        boolean fails = customer.card() == TestCard.FAILS_ON_RENEWAL && !first;
        if (!fails) {
            Instant periodEnd = s.currentPeriodEnd().plus(clock.period(s.interval()));
            while (!periodEnd.isAfter(billingTime)) {
                periodEnd = periodEnd.plus(clock.period(s.interval()));
            }
            SandboxStore.SubscriptionRow renewed =
                    s.withState(SubscriptionStatus.ACTIVE, periodEnd, 0, s.paidCharges() + 1);
            store.updateSubscription(renewed, periodEnd);
            subscriptions.tell(renewed, customer.email(), at);
            charges.subscriptionPaid(renewed, customer.email(), first ? PaymentKind.FIRST : PaymentKind.RENEWAL, at);
            return true;
        }
        int failures = s.failedAttempts() + 1;
        boolean lastTry = failures >= settings.renewalAttempts();
        Instant nextRetry = lastTry ? null : billingTime.plus(clock.retryWait());
        SandboxStore.SubscriptionRow after = s.withState(
                lastTry ? SubscriptionStatus.CANCELED : SubscriptionStatus.PAST_DUE,
                s.currentPeriodEnd(),
                failures,
                s.paidCharges());
        store.updateSubscription(after, nextRetry);
        charges.renewalDeclined(after, customer.email(), nextRetry, at);
        subscriptions.tell(after, customer.email(), at);
        return true;
    }
}
