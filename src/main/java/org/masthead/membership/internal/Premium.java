package org.masthead.membership.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.masthead.membership.internal.PremiumSubscriptions.PremiumSubscription;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Checkout;
import org.masthead.payments.CheckoutStarted;
import org.masthead.payments.Money;
import org.masthead.payments.Payments;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.platform.ConflictException;
import org.masthead.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a reader does with Premium: subscribe, switch plan, cancel at the period's end, resume, change
 * card. Each asks the payments provider; what it did shows when its event comes back.
 */
@Service
public class Premium {

    private final Plans plans;
    private final PremiumSubscriptions subscriptions;
    private final Payments payments;

    Premium(Plans plans, PremiumSubscriptions subscriptions, Payments payments) {
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.payments = payments;
    }

    /**
     * Opens a checkout for the plan at its price in this currency, as the plan says now: nothing of
     * the price comes from the reader.
     *
     * @throws NotFoundException if the plan is not offered in the currency
     * @throws ConflictException if the reader has Premium already
     */
    @Transactional
    public CheckoutStarted subscribe(
            long accountId, String email, BillingInterval interval, Currency currency, URI successUrl, URI cancelUrl) {
        if (subscriptions.isPremium(accountId)) {
            throw new ConflictException("You have Premium already.");
        }
        Plans.Plan plan = plans.plan(interval)
                .filter(Plans.Plan::available)
                .orElseThrow(() -> new NotFoundException("That plan is not offered."));
        Money price = plan.priceIn(currency)
                .orElseThrow(() -> new NotFoundException(
                        "The " + plan.name() + " plan is not offered in " + currency.getCurrencyCode() + "."));
        String reference = PremiumSubscriptions.REFERENCE_PREFIX + UUID.randomUUID();
        subscriptions.started(reference, accountId, interval, price);
        return payments.startCheckout(new Checkout.Subscription(
                price,
                interval,
                plan.trialDays(),
                // Not the plan's name: the provider keeps the description when the plan is switched, and
                // shows the interval beside the price anyway.
                "Premium",
                email,
                accountId,
                reference,
                successUrl,
                cancelUrl));
    }

    /** Stops renewing; Premium lasts until the period paid for ends. */
    public void cancel(long accountId) {
        payments.cancelAtPeriodEnd(subscriptionOf(accountId));
    }

    /** Renews again after a cancellation, while the period lasts. */
    public void resume(long accountId) {
        payments.resume(subscriptionOf(accountId));
    }

    /** A switch of plan asked of the provider: its price, charged from the next payment, {@code from}. */
    public record Switched(BillingInterval interval, Money price, @Nullable Instant from) {}

    /** Moves to another plan from the next period, at its price in the subscription's currency. */
    public Switched switchPlan(long accountId, BillingInterval interval) {
        PremiumSubscription current = liveSubscription(accountId);
        if (current.interval() == interval) {
            throw new ConflictException("You are on that plan already.");
        }
        Plans.Plan plan = plans.plan(interval)
                .filter(Plans.Plan::available)
                .orElseThrow(() -> new NotFoundException("That plan is not offered."));
        Money price = plan.priceIn(current.price().currency())
                .orElseThrow(() -> new NotFoundException("The " + plan.name() + " plan is not offered in "
                        + current.price().currencyCode() + "."));
        payments.changePrice(subscriptionOf(accountId), price, interval);
        return new Switched(interval, price, current.currentPeriodEnd());
    }

    /** The provider's page where the reader changes card and sees invoices. */
    public URI paymentMethod(long accountId, URI returnUrl) {
        PremiumSubscription current = liveSubscription(accountId);
        if (current.customerId() == null) {
            throw new NotFoundException("You have no Premium subscription.");
        }
        return payments.customerPortal(current.customerId(), returnUrl);
    }

    private String subscriptionOf(long accountId) {
        String id = liveSubscription(accountId).subscriptionId();
        if (id == null) {
            throw new NotFoundException("You have no Premium subscription.");
        }
        return id;
    }

    private PremiumSubscription liveSubscription(long accountId) {
        return subscriptions
                .current(accountId)
                .filter(subscription -> subscription.status() != SubscriptionStatus.CANCELED)
                .orElseThrow(() -> new NotFoundException("You have no Premium subscription."));
    }
}
