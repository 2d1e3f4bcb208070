package org.masthead.payments.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.AccountDeleted;
import org.masthead.accounts.PersonalDataContributor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A reader's payments in their data export, and what becomes of them when the account is deleted: the
 * ledger keeps the amounts and the provider's ids (financial records), but no longer the account or the
 * address. The provider's own records are the provider's.
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

    PaymentsPersonalData(Ledger ledger, SubscriptionRecords subscriptions) {
        this.ledger = ledger;
        this.subscriptions = subscriptions;
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
        ledger.forgetAccount(deleted.accountId());
        subscriptions.forgetAccount(deleted.accountId());
    }
}
