package org.masthead.payments;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.internal.Ledger;
import org.masthead.payments.internal.LedgerEntry;
import org.masthead.payments.internal.PaymentAudit;
import org.masthead.payments.internal.PaymentProvider;
import org.masthead.payments.internal.SubscriptionRecord;
import org.masthead.payments.internal.SubscriptionRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask of payments. Every method checks its input first: amounts must be positive
 * whole minor units within {@code masthead.payments.limits} for a supported currency, or a
 * {@link PaymentRejectedException} says why not. Prices come from the caller's own records (its
 * plans and prices), never from a reader's request.
 *
 * <p>Methods that change something at the provider return once the provider has accepted the
 * request; the ledger and the events follow when the provider's webhook confirms it. Ids (checkout,
 * customer, subscription, charge) are the provider's, opaque to callers: keep them as strings.
 *
 * @throws PaymentProviderException from any method that calls the provider, when it cannot be reached
 *     or refuses; nothing was changed
 */
@Service
public class Payments {

    private static final int MAX_TEXT = 200;
    private static final int MAX_TRIAL_DAYS = 730;

    private final PaymentProvider provider;
    private final PaymentsProperties properties;
    private final Ledger ledger;
    private final SubscriptionRecords subscriptions;
    private final PaymentAudit audit;

    Payments(
            PaymentProvider provider,
            PaymentsProperties properties,
            Ledger ledger,
            SubscriptionRecords subscriptions,
            PaymentAudit audit) {
        this.provider = provider;
        this.properties = properties;
        this.ledger = ledger;
        this.subscriptions = subscriptions;
        this.audit = audit;
    }

    /** {@code stripe} or {@code sandbox}: which provider takes payments. */
    public String providerName() {
        return provider.name();
    }

    /**
     * Opens a checkout at the provider for a one-off payment or a subscription.
     *
     * @return the checkout, with where to send the reader's browser to pay
     * @throws PaymentRejectedException if the amount, currency or any other detail is not acceptable
     */
    public CheckoutStarted startCheckout(Checkout checkout) {
        switch (checkout) {
            case Checkout.OneOff oneOff -> checkAmount(oneOff.amount());
            case Checkout.Subscription subscription -> {
                checkAmount(subscription.price());
                if (subscription.trialDays() < 0 || subscription.trialDays() > MAX_TRIAL_DAYS) {
                    throw new PaymentRejectedException("A trial lasts from 0 to " + MAX_TRIAL_DAYS + " days.");
                }
            }
        }
        checkText("description", checkout.description());
        checkText("reference", checkout.reference());
        checkEmail(checkout.customerEmail());
        checkWebAddress(checkout.successUrl());
        checkWebAddress(checkout.cancelUrl());
        return provider.startCheckout(checkout);
    }

    /**
     * Where to send a customer to update their card, see their invoices and manage subscriptions.
     *
     * @param customerId from {@link PaymentSucceeded#customerId()} or {@link SubscriptionChanged#customerId()}
     * @param returnUrl where the portal's way back leads
     */
    public URI customerPortal(String customerId, URI returnUrl) {
        checkWebAddress(returnUrl);
        return provider.customerPortal(customerId, returnUrl);
    }

    /** The provider's customer id for the account's most recent subscription, if it has had one. */
    public Optional<String> customerOf(long accountId) {
        return subscriptions.latestCustomerOf(provider.name(), accountId);
    }

    /**
     * Names the account on what was paid under these references without one (a guest's payments and
     * subscriptions, given to the account that has since confirmed the guest's address): its charges and
     * refunds, in its data export, and its subscriptions, whose later events then name it too. What already
     * names an account keeps it. Runs in the caller's transaction, if it has one.
     */
    @Transactional
    public void giveToAccount(Collection<String> references, long accountId) {
        if (references.isEmpty()) {
            return;
        }
        ledger.giveToAccount(references, accountId);
        subscriptions.giveToAccount(references, accountId);
    }

    /** Stops the subscription from renewing: it ends when the period paid for ends. */
    public void cancelAtPeriodEnd(String subscriptionId) {
        requireLive(subscriptionId);
        provider.setCancelAtPeriodEnd(subscriptionId, true);
    }

    /** Undoes {@link #cancelAtPeriodEnd} while the period lasts: the subscription renews again. */
    public void resume(String subscriptionId) {
        requireLive(subscriptionId);
        provider.setCancelAtPeriodEnd(subscriptionId, false);
    }

    /** Charges {@code price} every {@code interval} from the next period on. */
    public void changePrice(String subscriptionId, Money price, BillingInterval interval) {
        checkAmount(price);
        SubscriptionRecord subscription = requireLive(subscriptionId);
        if (!subscription.price().currency().equals(price.currency())) {
            throw new PaymentRejectedException(
                    "A subscription keeps its currency, " + subscription.price().currencyCode() + ".");
        }
        provider.changePrice(subscriptionId, price, interval);
    }

    /**
     * Refunds part or all of a succeeded charge. The request is written to the audit log, whether the
     * provider accepts it or not; the ledger shows the refund when the provider confirms it.
     *
     * @param amount how much to return, or null for all that is left of the charge
     * @param actorAccountId the admin (or other person) asking, for the audit log
     * @param reason why, for the audit log
     * @return what was asked to be refunded
     * @throws PaymentRejectedException if there is no such charge, nothing left of it to refund, or the
     *     amount is not positive, in another currency, or more than is left
     */
    public Money refund(String chargeId, @Nullable Money amount, long actorAccountId, String reason) {
        LedgerEntry charge = ledger.charge(provider.name(), chargeId)
                .orElseThrow(() -> new PaymentRejectedException("There is no charge " + chargeId + "."));
        Money refundable = charge.refundable();
        if (!refundable.isPositive()) {
            throw new PaymentRejectedException("Nothing is left of this charge to refund.");
        }
        Money asked = amount == null ? refundable : amount;
        if (!asked.currency().equals(refundable.currency())) {
            throw new PaymentRejectedException("The charge was in " + refundable.currencyCode() + ".");
        }
        if (!asked.isPositive()) {
            throw new PaymentRejectedException("A refund must be more than nothing.");
        }
        if (asked.compareTo(refundable) > 0) {
            throw new PaymentRejectedException("At most " + refundable.format() + " can be refunded.");
        }
        String why = reason == null || reason.isBlank() ? "No reason given" : reason.strip();
        try {
            provider.refund(chargeId, asked);
        } catch (RuntimeException e) {
            audit.record(actorAccountId, "REFUND_FAILED", chargeId, asked, why + " (" + e.getMessage() + ")");
            throw e;
        }
        audit.record(actorAccountId, "REFUND_REQUESTED", chargeId, asked, why);
        return asked;
    }

    /**
     * Checks that a payment of this amount may be taken.
     *
     * @throws PaymentRejectedException if not, saying why
     */
    public void checkAmount(Money amount) {
        PaymentsProperties.Limit limit = properties.limit(amount.currency());
        if (amount.minorUnits() < limit.min() || amount.minorUnits() > limit.max()) {
            throw new PaymentRejectedException("A payment must be from "
                    + new Money(limit.min(), amount.currency()).format() + " to "
                    + new Money(limit.max(), amount.currency()).format() + ".");
        }
    }

    private SubscriptionRecord requireLive(String subscriptionId) {
        SubscriptionRecord subscription = subscriptions
                .find(provider.name(), subscriptionId)
                .orElseThrow(() -> new PaymentRejectedException("There is no subscription " + subscriptionId + "."));
        if (subscription.status() == SubscriptionStatus.CANCELED) {
            throw new PaymentRejectedException("The subscription has ended.");
        }
        return subscription;
    }

    private static void checkText(String what, String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new PaymentRejectedException("A " + what + " of 1 to " + MAX_TEXT + " characters is needed.");
        }
    }

    private static void checkEmail(String email) {
        if (email == null || email.length() > 254 || !email.matches("[^\\s@]+@[^\\s@]+")) {
            throw new PaymentRejectedException("Not an e-mail address: " + email);
        }
    }

    private static void checkWebAddress(URI url) {
        String scheme =
                url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new PaymentRejectedException("Not an absolute web address: " + url);
        }
    }
}
