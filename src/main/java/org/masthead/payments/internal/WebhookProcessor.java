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
 *   <li><b>Nonsense refused.</b> An event whose values cannot be true (see {@link ProviderEvent}), or a
 *       refund larger than its charge, is refused with a {@link WebhookRejectedException}: nothing is
 *       kept, and the endpoint answers 400, since delivering it again cannot make it right.
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

    /**
     * Who a fact is about: what the event says, and what it leaves out taken from the subscription it
     * names, if that was recorded earlier.
     */
    private record Payer(
            String reference,
            String email,
            @Nullable Long accountId,
            @Nullable String customerId,
            Optional<SubscriptionRecord> subscription) {}

    /** The payer, or empty when neither the event nor a recorded subscription says whose it is. */
    private Optional<Payer> payer(ProviderEvent event, ProviderEvent.AboutPayer fact) {
        Optional<SubscriptionRecord> known = fact.subscriptionId() == null
                ? Optional.empty()
                : subscriptions.find(event.provider(), fact.subscriptionId());
        String reference = first(fact.reference(), known.map(SubscriptionRecord::reference));
        String email = first(fact.email(), known.map(SubscriptionRecord::email));
        if (reference == null || email == null) {
            return Optional.empty();
        }
        Long accountId = fact.accountId() != null
                ? fact.accountId()
                : known.map(SubscriptionRecord::accountId).orElse(null);
        String customerId = first(fact.customerId(), known.map(SubscriptionRecord::customerId));
        return Optional.of(new Payer(reference, email, accountId, customerId, known));
    }

    private Outcome chargeSucceeded(ProviderEvent event, ProviderEvent.ChargeSucceeded charge) {
        Optional<Payer> found = payer(event, charge);
        if (found.isEmpty()) {
            return Outcome.UNMATCHED;
        }
        Payer payer = found.get();
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
                payer.reference(),
                payer.accountId(),
                payer.email(),
                payer.customerId(),
                charge.subscriptionId(),
                null,
                event.created());
        if (!added) {
            return Outcome.STALE;
        }
        publisher.publishEvent(new PaymentSucceeded(
                payer.reference(),
                kind,
                charge.amount(),
                charge.chargeId(),
                payer.customerId() == null ? "" : payer.customerId(),
                charge.subscriptionId(),
                charge.periodEnd(),
                payer.accountId(),
                payer.email(),
                event.created()));
        return Outcome.APPLIED;
    }

    private Outcome chargeFailed(ProviderEvent event, ProviderEvent.ChargeFailed charge) {
        Optional<Payer> found = payer(event, charge);
        if (found.isEmpty()) {
            return Outcome.UNMATCHED;
        }
        Payer payer = found.get();
        boolean added = ledger.addCharge(
                event.provider(),
                charge.chargeId(),
                null,
                LedgerEntry.Status.FAILED,
                charge.amount(),
                payer.reference(),
                payer.accountId(),
                payer.email(),
                payer.customerId(),
                charge.subscriptionId(),
                charge.reason(),
                event.created());
        if (!added) {
            return Outcome.STALE;
        }
        // The reader is told by membership, which knows what the payment was for and whom to greet.
        publisher.publishEvent(new PaymentFailed(
                payer.reference(),
                charge.reason(),
                charge.renewal(),
                charge.nextRetry(),
                charge.amount(),
                charge.subscriptionId(),
                payer.accountId(),
                payer.email(),
                event.created()));
        return Outcome.APPLIED;
    }

    private Outcome subscriptionUpdated(ProviderEvent event, ProviderEvent.SubscriptionUpdated update) {
        Optional<Payer> found = payer(event, update);
        if (found.isEmpty()) {
            return Outcome.UNMATCHED;
        }
        Payer payer = found.get();
        SubscriptionRecord record = new SubscriptionRecord(
                event.provider(),
                update.subscriptionId(),
                update.customerId(),
                payer.reference(),
                payer.accountId(),
                payer.email(),
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
                && payer.subscription()
                        .map(k -> k.status() == SubscriptionStatus.PAST_DUE)
                        .orElse(false);
        if (lapsed && !payer.email().isBlank()) {
            mail.subscriptionLapsed(payer.email(), update.price());
        }
        publisher.publishEvent(new SubscriptionChanged(
                payer.reference(),
                update.subscriptionId(),
                update.customerId(),
                update.status(),
                update.currentPeriodEnd(),
                update.cancelAtPeriodEnd(),
                update.price(),
                update.interval(),
                payer.accountId(),
                payer.email(),
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
        if (!total.currency().equals(charge.amount().currency())) {
            throw new WebhookRejectedException("The refund is in another currency than the charge.");
        }
        if (total.compareTo(charge.amount()) > 0) {
            throw new WebhookRejectedException("The refunded total is more than the charge.");
        }
        if (total.compareTo(charge.refunded()) <= 0) {
            return Outcome.STALE;
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

    private static @Nullable String first(@Nullable String given, Optional<String> recorded) {
        return given != null ? given : recorded.orElse(null);
    }
}
