package org.masthead.payments.internal.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.payments.internal.ProviderEvent;

/**
 * Reads Stripe's events into the provider-neutral {@link ProviderEvent}:
 *
 * <ul>
 *   <li>{@code checkout.session.completed} (mode payment, paid) or
 *       {@code checkout.session.async_payment_succeeded} → a one-off charge succeeded, its id the
 *       payment intent's;
 *   <li>{@code invoice.paid} (for more than nothing) → a subscription's first payment or a renewal;
 *   <li>{@code invoice.payment_failed} → a failed payment, with Stripe's next retry;
 *   <li>{@code customer.subscription.created/updated/deleted} → the subscription's new state;
 *   <li>{@code charge.refunded} → the charge's refunded total.
 * </ul>
 *
 * Anything else is acknowledged and changes nothing. Events are ordered by Stripe's {@code created},
 * which has one-second resolution.
 */
final class StripeEvents {

    private StripeEvents() {}

    static ProviderEvent read(Event event) {
        Instant created = Instant.ofEpochSecond(event.getCreated());
        return new ProviderEvent(StripeProvider.NAME, event.getId(), event.getType(), created, fact(event));
    }

    private static ProviderEvent.@Nullable Fact fact(Event event) {
        return switch (event.getType()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" ->
                checkoutCompleted((Session) object(event));
            case "invoice.paid" -> invoicePaid((Invoice) object(event));
            case "invoice.payment_failed" -> invoiceFailed((Invoice) object(event));
            case "customer.subscription.created", "customer.subscription.updated" ->
                subscription((Subscription) object(event), false);
            case "customer.subscription.deleted" -> subscription((Subscription) object(event), true);
            case "charge.refunded" -> refunded((Charge) object(event));
            default -> null;
        };
    }

    private static ProviderEvent.@Nullable Fact checkoutCompleted(Session session) {
        if (!"payment".equals(session.getMode()) || !"paid".equals(session.getPaymentStatus())) {
            return null;
        }
        Map<String, String> metadata = session.getMetadata() == null ? Map.of() : session.getMetadata();
        String email = session.getCustomerDetails() != null
                ? session.getCustomerDetails().getEmail()
                : session.getCustomerEmail();
        String reference = metadata.getOrDefault(StripeProvider.REFERENCE, session.getClientReferenceId());
        return new ProviderEvent.ChargeSucceeded(
                session.getPaymentIntent() != null ? session.getPaymentIntent() : session.getId(),
                money(session.getAmountTotal(), session.getCurrency()),
                PaymentKind.ONE_OFF,
                session.getCustomer(),
                null,
                null,
                reference,
                account(metadata),
                email);
    }

    private static ProviderEvent.@Nullable Fact invoicePaid(Invoice invoice) {
        if (invoice.getAmountPaid() == null || invoice.getAmountPaid() <= 0) {
            return null; // a trial's invoice for nothing
        }
        Map<String, String> metadata = subscriptionMetadata(invoice);
        Instant periodEnd = null;
        if (invoice.getLines() != null
                && invoice.getLines().getData() != null
                && !invoice.getLines().getData().isEmpty()
                && invoice.getLines().getData().getFirst().getPeriod() != null) {
            periodEnd = Instant.ofEpochSecond(
                    invoice.getLines().getData().getFirst().getPeriod().getEnd());
        }
        return new ProviderEvent.ChargeSucceeded(
                paymentOf(invoice),
                money(invoice.getAmountPaid(), invoice.getCurrency()),
                "subscription_create".equals(invoice.getBillingReason()) ? PaymentKind.FIRST : PaymentKind.RENEWAL,
                invoice.getCustomer(),
                subscriptionOf(invoice),
                periodEnd,
                metadata.get(StripeProvider.REFERENCE),
                account(metadata),
                email(invoice, metadata));
    }

    private static ProviderEvent.Fact invoiceFailed(Invoice invoice) {
        Map<String, String> metadata = subscriptionMetadata(invoice);
        long attempt = invoice.getAttemptCount() == null ? 0 : invoice.getAttemptCount();
        return new ProviderEvent.ChargeFailed(
                invoice.getId() + "#" + attempt,
                money(invoice.getAmountDue(), invoice.getCurrency()),
                "Your bank declined the payment.",
                "subscription_cycle".equals(invoice.getBillingReason()),
                invoice.getNextPaymentAttempt() == null ? null : Instant.ofEpochSecond(invoice.getNextPaymentAttempt()),
                invoice.getCustomer(),
                subscriptionOf(invoice),
                metadata.get(StripeProvider.REFERENCE),
                account(metadata),
                email(invoice, metadata));
    }

    private static ProviderEvent.Fact subscription(Subscription subscription, boolean deleted) {
        SubscriptionItem item = subscription.getItems().getData().getFirst();
        Map<String, String> metadata = subscription.getMetadata() == null ? Map.of() : subscription.getMetadata();
        return new ProviderEvent.SubscriptionUpdated(
                subscription.getId(),
                subscription.getCustomer(),
                deleted ? SubscriptionStatus.CANCELED : status(subscription.getStatus()),
                item.getCurrentPeriodEnd() == null ? null : Instant.ofEpochSecond(item.getCurrentPeriodEnd()),
                Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()),
                money(item.getPrice().getUnitAmount(), item.getPrice().getCurrency()),
                "year".equals(item.getPrice().getRecurring().getInterval())
                        ? BillingInterval.YEAR
                        : BillingInterval.MONTH,
                metadata.get(StripeProvider.REFERENCE),
                account(metadata),
                metadata.get(StripeProvider.EMAIL));
    }

    private static ProviderEvent.Fact refunded(Charge charge) {
        return new ProviderEvent.ChargeRefunded(
                charge.getPaymentIntent() != null ? charge.getPaymentIntent() : charge.getId(),
                money(charge.getAmountRefunded(), charge.getCurrency()));
    }

    /** Stripe's statuses in ours: those that still owe a payment count as past due. */
    static SubscriptionStatus status(String stripe) {
        return switch (stripe) {
            case "trialing" -> SubscriptionStatus.TRIALING;
            case "active" -> SubscriptionStatus.ACTIVE;
            case "canceled", "incomplete_expired" -> SubscriptionStatus.CANCELED;
            default -> SubscriptionStatus.PAST_DUE; // past_due, unpaid, incomplete, paused
        };
    }

    private static StripeObject object(Event event) {
        // The SDK reads the object only when the event's API version is its own; the fields used here
        // are stable across versions, so read it regardless.
        return event.getDataObjectDeserializer().getObject().orElseGet(() -> {
            try {
                return event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new IllegalArgumentException("unreadable " + event.getType(), e);
            }
        });
    }

    /** The payment intent that paid the invoice, when Stripe includes it; else the invoice itself. */
    private static String paymentOf(Invoice invoice) {
        if (invoice.getPayments() != null && invoice.getPayments().getData() != null) {
            for (InvoicePayment payment : invoice.getPayments().getData()) {
                if (payment.getPayment() != null && payment.getPayment().getPaymentIntent() != null) {
                    return payment.getPayment().getPaymentIntent();
                }
            }
        }
        return invoice.getId();
    }

    private static @Nullable String subscriptionOf(Invoice invoice) {
        return invoice.getParent() != null && invoice.getParent().getSubscriptionDetails() != null
                ? invoice.getParent().getSubscriptionDetails().getSubscription()
                : null;
    }

    private static Map<String, String> subscriptionMetadata(Invoice invoice) {
        if (invoice.getParent() != null
                && invoice.getParent().getSubscriptionDetails() != null
                && invoice.getParent().getSubscriptionDetails().getMetadata() != null) {
            return invoice.getParent().getSubscriptionDetails().getMetadata();
        }
        return Map.of();
    }

    private static @Nullable String email(Invoice invoice, Map<String, String> metadata) {
        return invoice.getCustomerEmail() != null ? invoice.getCustomerEmail() : metadata.get(StripeProvider.EMAIL);
    }

    private static @Nullable Long account(Map<String, String> metadata) {
        String account = metadata.get(StripeProvider.ACCOUNT);
        return account == null || !account.matches("\\d{1,18}") ? null : Long.valueOf(account);
    }

    private static Money money(Long minorUnits, String currency) {
        return Money.of(minorUnits, currency.toUpperCase(Locale.ROOT));
    }
}
