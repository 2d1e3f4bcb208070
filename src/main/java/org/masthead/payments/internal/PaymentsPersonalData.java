package org.masthead.payments.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.AccountDeleted;
import org.masthead.accounts.PersonalDataContributor;
import org.masthead.payments.SubscriptionStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A reader's payments in their data export, and what becomes of them when the account is deleted: every
 * subscription still renewing is cancelled at the provider first (it ends with the period paid for, and
 * nobody is charged again for an account that is gone); then the ledger keeps the amounts and the
 * provider's ids (financial records), but no longer the account or the address. The provider's own
 * records are the provider's. Should the provider fail, the deletion's event is handled again later, so no
 * subscription is left renewing.
 */
@Component
class PaymentsPersonalData implements PersonalDataContributor {

    record Payment(
            Instant at,
            String entry,
            @Nullable String kind,
            String status,
            String amount,
            String refunded,
            String reference,
            String email) {}

    record Subscription(
            String reference,
            String status,
            String price,
            String interval,
            @Nullable Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd) {}

    private final Ledger ledger;
    private final SubscriptionRecords subscriptions;
    private final PaymentProvider provider;

    PaymentsPersonalData(Ledger ledger, SubscriptionRecords subscriptions, PaymentProvider provider) {
        this.ledger = ledger;
        this.subscriptions = subscriptions;
        this.provider = provider;
    }

    @Override
    public String section() {
        return "payments";
    }

    @Override
    public Object dataFor(long accountId) {
        List<Payment> payments = ledger.forAccount(accountId).stream()
                .map(e -> new Payment(
                        e.occurredAt(),
                        e.entry().name(),
                        e.kind() == null ? null : e.kind().name(),
                        e.status().name(),
                        e.amount().format(),
                        e.refunded().format(),
                        e.reference(),
                        e.email()))
                .toList();
        List<Subscription> subscribed = subscriptions.forAccount(accountId).stream()
                .map(s -> new Subscription(
                        s.reference(),
                        s.status().name(),
                        s.price().format(),
                        s.interval().name(),
                        s.currentPeriodEnd(),
                        s.cancelAtPeriodEnd()))
                .toList();
        return Map.of("payments", payments, "subscriptions", subscribed);
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        for (SubscriptionRecord subscription : subscriptions.forAccount(deleted.accountId())) {
            if (subscription.provider().equals(provider.name())
                    && subscription.status() != SubscriptionStatus.CANCELED
                    && !subscription.cancelAtPeriodEnd()) {
                provider.setCancelAtPeriodEnd(subscription.subscriptionId(), true);
            }
        }
        ledger.forgetAccount(deleted.accountId());
        subscriptions.forgetAccount(deleted.accountId());
    }
}
