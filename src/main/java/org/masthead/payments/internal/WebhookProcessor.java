package org.masthead.payments.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.ChargeRefunded;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentFailed;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.PaymentSucceeded;
import org.masthead.payments.SubscriptionChanged;
import org.masthead.payments.SubscriptionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a verified provider event, whichever provider sent it, in one transaction: records its id,
 * writes the ledger and the subscription's state, queues mail, and publishes the module's events
 * (through Spring Modulith's event publication registry, so listeners in other modules are owed them
 * from the same commit). The guarantees:
 *
 * <ul>
 *   <li><b>Once.</b> An event id seen before is acknowledged and ignored. Every write is also keyed by
 *       the provider's ids (a charge once, a refund total once), so even two events describing the
 *       same fact add it once.
 *   <li><b>Never backwards.</b> A subscription is only overwritten by an event the provider created at
 *       the same time or later than the one that last wrote it, and a canceled subscription stays
 *       canceled. Refunds are recorded as a running total that only grows.
 *   <li><b>All or nothing.</b> If anything fails, the whole transaction rolls back, the id included, and
 *       the endpoint answers 500: the provider delivers the event again, and it is applied then.
 * </ul>
 */
@Service
public class WebhookProcessor {

    /** What became of an event. */
    public enum Outcome {
        /** Recorded, and whatever it said was applied. */
        APPLIED,
        /** Seen before: ignored. */
        DUPLICATE,
        /** Recorded, but already known, or older than what was known: nothing changed. */
        STALE,
        /** Recorded, but about nothing this site started (no reference): nothing changed. */
        UNMATCHED,
        /** Recorded; not an event that changes anything here. */
        IGNORED
    }

    private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);

    private final WebhookEventLog events;
    private final Ledger ledger;
    private final SubscriptionRecords subscriptions;
    private final PaymentMail mail;
    private final ApplicationEventPublisher publisher;

    WebhookProcessor(
            WebhookEventLog events,
            Ledger ledger,
            SubscriptionRecords subscriptions,
            PaymentMail mail,
            ApplicationEventPublisher publisher) {
        this.events = events;
        this.ledger = ledger;
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.publisher = publisher;
    }

    @Transactional
    public Outcome process(ProviderEvent event) {
        if (!events.recordFirstSight(event)) {
            return Outcome.DUPLICATE;
        }
        Outcome outcome =
                switch (event.fact()) {
                    case null -> Outcome.IGNORED;
                    case ProviderEvent.ChargeSucceeded charge -> chargeSucceeded(event, charge);
                    case ProviderEvent.ChargeFailed charge -> chargeFailed(event, charge);
                    case ProviderEvent.SubscriptionUpdated subscription -> subscriptionUpdated(event, subscription);
                    case ProviderEvent.ChargeRefunded refund -> chargeRefunded(event, refund);
                };
        if (outcome != Outcome.APPLIED) {
            events.markOutcome(event, outcome.name());
            if (outcome == Outcome.UNMATCHED) {
                log.warn("Payment event {} ({}) names nothing this site started; ignored", event.id(), event.type());
            }
        }
        return outcome;
    }

    private Outcome chargeSucceeded(ProviderEvent event, ProviderEvent.ChargeSucceeded charge) {
        Optional<SubscriptionRecord> subscription = subscription(event, charge.subscriptionId());
        String reference = first(charge.reference(), subscription.map(SubscriptionRecord::reference));
        String email = first(charge.email(), subscription.map(SubscriptionRecord::email));
        if (reference == null || email == null) {
            return Outcome.UNMATCHED;
        }
        Long accountId = charge.accountId() != null
                ? charge.accountId()
                : subscription.map(SubscriptionRecord::accountId).orElse(null);
        String customerId = first(charge.customerId(), subscription.map(SubscriptionRecord::customerId));
        // A subscription's first payment after a trial is a "cycle" payment to Stripe; here it is the first.
        PaymentKind kind = charge.kind() == PaymentKind.RENEWAL
                        && charge.subscriptionId() != null
                        && !ledger.hasPaidCharge(event.provider(), charge.subscriptionId())
                ? PaymentKind.FIRST
                : charge.kind();
        boolean added = ledger.addCharge(
                event.provider(),
                charge.chargeId(),
                kind,
                LedgerEntry.Status.SUCCEEDED,
                charge.amount(),
                reference,
                accountId,
                email,
                customerId,
                charge.subscriptionId(),
                null,
                event.created());
        if (!added) {
            return Outcome.STALE;
        }
        publisher.publishEvent(new PaymentSucceeded(
                reference,
                kind,
                charge.amount(),
                charge.chargeId(),
                customerId == null ? "" : customerId,
                charge.subscriptionId(),
                charge.periodEnd(),
                accountId,
                email,
                event.created()));
        return Outcome.APPLIED;
    }

    private Outcome chargeFailed(ProviderEvent event, ProviderEvent.ChargeFailed charge) {
        Optional<SubscriptionRecord> subscription = subscription(event, charge.subscriptionId());
        String reference = first(charge.reference(), subscription.map(SubscriptionRecord::reference));
        String email = first(charge.email(), subscription.map(SubscriptionRecord::email));
        if (reference == null || email == null) {
            return Outcome.UNMATCHED;
        }
        Long accountId = charge.accountId() != null
                ? charge.accountId()
                : subscription.map(SubscriptionRecord::accountId).orElse(null);
        boolean added = ledger.addCharge(
                event.provider(),
                charge.chargeId(),
                null,
                LedgerEntry.Status.FAILED,
                charge.amount(),
                reference,
                accountId,
                email,
                first(charge.customerId(), subscription.map(SubscriptionRecord::customerId)),
                charge.subscriptionId(),
                charge.reason(),
                event.created());
        if (!added) {
            return Outcome.STALE;
        }
        if (charge.renewal() && charge.nextRetry() != null && !email.isBlank()) {
            mail.renewalFailed(email, charge.amount(), charge.reason(), charge.nextRetry(), accountId != null);
        }
        publisher.publishEvent(new PaymentFailed(
                reference,
                charge.reason(),
                charge.renewal(),
                charge.nextRetry(),
                charge.amount(),
                charge.subscriptionId(),
                accountId,
                email,
                event.created()));
        return Outcome.APPLIED;
    }

    private Outcome subscriptionUpdated(ProviderEvent event, ProviderEvent.SubscriptionUpdated update) {
        Optional<SubscriptionRecord> known = subscription(event, update.subscriptionId());
        String reference = first(update.reference(), known.map(SubscriptionRecord::reference));
        String email = first(update.email(), known.map(SubscriptionRecord::email));
        if (reference == null || email == null) {
            return Outcome.UNMATCHED;
        }
        Long accountId = update.accountId() != null
                ? update.accountId()
                : known.map(SubscriptionRecord::accountId).orElse(null);
        SubscriptionRecord record = new SubscriptionRecord(
                event.provider(),
                update.subscriptionId(),
                update.customerId(),
                reference,
                accountId,
                email,
                update.status(),
                update.currentPeriodEnd(),
                update.cancelAtPeriodEnd(),
                update.price(),
                update.interval(),
                event.created());
        if (!subscriptions.writeIfNewer(record)) {
            return Outcome.STALE;
        }
        boolean lapsed = update.status() == SubscriptionStatus.CANCELED
                && known.map(k -> k.status() == SubscriptionStatus.PAST_DUE).orElse(false);
        if (lapsed && !email.isBlank()) {
            mail.subscriptionLapsed(email, update.price());
        }
        publisher.publishEvent(new SubscriptionChanged(
                reference,
                update.subscriptionId(),
                update.customerId(),
                update.status(),
                update.currentPeriodEnd(),
                update.cancelAtPeriodEnd(),
                update.price(),
                update.interval(),
                accountId,
                email,
                event.created()));
        return Outcome.APPLIED;
    }

    private Outcome chargeRefunded(ProviderEvent event, ProviderEvent.ChargeRefunded refund) {
        Optional<LedgerEntry> found = ledger.lockCharge(event.provider(), refund.chargeId());
        if (found.isEmpty()) {
            return Outcome.UNMATCHED;
        }
        LedgerEntry charge = found.get();
        Money total = refund.totalRefunded();
        if (total.compareTo(charge.refunded()) <= 0) {
            return Outcome.STALE;
        }
        if (total.compareTo(charge.amount()) > 0) {
            throw new IllegalStateException(
                    "Provider reports refunding " + total + " of a charge of " + charge.amount());
        }
        ledger.recordRefundTotal(charge, total, event.created());
        publisher.publishEvent(new ChargeRefunded(
                charge.reference(),
                charge.chargeId(),
                total.minus(charge.refunded()),
                total,
                total.compareTo(charge.amount()) == 0,
                charge.accountId(),
                event.created()));
        return Outcome.APPLIED;
    }

    private Optional<SubscriptionRecord> subscription(ProviderEvent event, @Nullable String id) {
        return id == null ? Optional.empty() : subscriptions.find(event.provider(), id);
    }

    private static @Nullable String first(@Nullable String given, Optional<String> recorded) {
        return given != null ? given : recorded.orElse(null);
    }
}
