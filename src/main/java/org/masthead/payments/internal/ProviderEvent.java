package org.masthead.payments.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.SubscriptionStatus;

/**
 * A webhook event in the provider-neutral form every adapter reads its provider's events into. Its
 * values are checked here like any input, whichever provider sent them: a signed event is still only
 * as good as the values in it, and one that breaks these rules is refused with a {@link
 * WebhookRejectedException} (400) before anything is written.
 *
 * @param provider the adapter's {@link PaymentProvider#name()}
 * @param id the provider's event id: the same event delivered twice has the same id
 * @param type the provider's event type, for the record
 * @param created when the provider created the event, which orders events about one subscription
 * @param fact what the event says happened, or null for an event that concerns nothing recorded here
 */
public record ProviderEvent(String provider, String id, String type, Instant created, @Nullable Fact fact) {

    /**
     * The largest amount an event may name, in minor units: the most a single payment can be at Stripe
     * (eight digits, 999,999.99). Anything larger is not a payment, and adding such amounts up would
     * overflow.
     */
    public static final long MAX_AMOUNT = 99_999_999;

    /** The longest provider id (event, charge, customer, subscription) an event may carry. */
    static final int MAX_ID = 255;

    /** The longest reference: the longest {@link org.masthead.payments.Payments} lets a checkout have. */
    static final int MAX_REFERENCE = 200;

    static final int MAX_EMAIL = 254;

    /** The longest reason for a failed payment: it is shown to the reader in mail. */
    static final int MAX_REASON = 500;

    public ProviderEvent {
        requireId(id, "The event's id");
        requireText(type, 1, MAX_ID, "The event's type");
        requirePresent(created, "The time the event was created");
    }

    /**
     * What happened. Fields the provider's event may lack (the reference, account and address of a
     * subscription's renewal, say) are null, and are filled in from what was recorded earlier.
     */
    public sealed interface Fact {}

    /**
     * A fact about someone who pays: who they are, as far as the event says. What it leaves out is taken
     * from the subscription it names, if that was recorded earlier.
     */
    public sealed interface AboutPayer extends Fact {

        @Nullable
        String subscriptionId();

        @Nullable
        String customerId();

        @Nullable
        String reference();

        @Nullable
        Long accountId();

        @Nullable
        String email();
    }

    public record ChargeSucceeded(
            String chargeId,
            Money amount,
            PaymentKind kind,
            @Nullable String customerId,
            @Nullable String subscriptionId,
            @Nullable Instant periodEnd,
            @Nullable String reference,
            @Nullable Long accountId,
            @Nullable String email)
            implements AboutPayer {

        public ChargeSucceeded {
            requireId(chargeId, "The charge's id");
            requireAmount(amount, "The charge's amount");
            requirePresent(kind, "The charge's kind");
            requirePayer(customerId, subscriptionId, reference, accountId, email);
        }
    }

    public record ChargeFailed(
            String chargeId,
            Money amount,
            String reason,
            boolean renewal,
            @Nullable Instant nextRetry,
            @Nullable String customerId,
            @Nullable String subscriptionId,
            @Nullable String reference,
            @Nullable Long accountId,
            @Nullable String email)
            implements AboutPayer {

        public ChargeFailed {
            requireId(chargeId, "The charge's id");
            requireAmount(amount, "The charge's amount");
            requireText(reason, 1, MAX_REASON, "The reason the charge failed");
            requirePayer(customerId, subscriptionId, reference, accountId, email);
        }
    }

    public record SubscriptionUpdated(
            String subscriptionId,
            String customerId,
            SubscriptionStatus status,
            @Nullable Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd,
            Money price,
            BillingInterval interval,
            @Nullable String reference,
            @Nullable Long accountId,
            @Nullable String email)
            implements AboutPayer {

        public SubscriptionUpdated {
            requireId(subscriptionId, "The subscription's id");
            requireId(customerId, "The customer's id");
            requirePresent(status, "The subscription's status");
            requireAmount(price, "The subscription's price");
            requirePresent(interval, "The subscription's billing interval");
            requirePayer(customerId, subscriptionId, reference, accountId, email);
        }
    }

    /** @param totalRefunded everything refunded from the charge so far, which makes the fact idempotent */
    public record ChargeRefunded(String chargeId, Money totalRefunded) implements Fact {

        public ChargeRefunded {
            requireId(chargeId, "The charge's id");
            requireAmount(totalRefunded, "The refunded total");
        }
    }

    private static void requirePayer(
            @Nullable String customerId,
            @Nullable String subscriptionId,
            @Nullable String reference,
            @Nullable Long accountId,
            @Nullable String email) {
        if (customerId != null) {
            requireId(customerId, "The customer's id");
        }
        if (subscriptionId != null) {
            requireId(subscriptionId, "The subscription's id");
        }
        if (reference != null) {
            requireText(reference, 0, MAX_REFERENCE, "The reference");
        }
        if (accountId != null && accountId <= 0) {
            throw new WebhookRejectedException("The account must be a positive number.");
        }
        if (email != null) {
            requireText(email, 0, MAX_EMAIL, "The e-mail address");
        }
    }

    private static void requireAmount(Money amount, String what) {
        if (amount == null || amount.minorUnits() <= 0 || amount.minorUnits() > MAX_AMOUNT) {
            // Every currency the site takes has two decimal places.
            throw new WebhookRejectedException(what + " must be more than nothing and at most "
                    + BigDecimal.valueOf(MAX_AMOUNT, 2).toPlainString() + ".");
        }
    }

    private static void requirePresent(@Nullable Object value, String what) {
        if (value == null) {
            throw new WebhookRejectedException(what + " is missing.");
        }
    }

    private static void requireId(String id, String what) {
        requireText(id, 1, MAX_ID, what);
    }

    private static void requireText(String text, int min, int max, String what) {
        if (text == null || text.strip().length() < min || text.length() > max) {
            throw new WebhookRejectedException(
                    min == 0
                            ? what + " may be at most " + max + " characters long."
                            : what + " must be 1 to " + max + " characters long.");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new WebhookRejectedException(what + " must not contain control characters.");
        }
    }
}
