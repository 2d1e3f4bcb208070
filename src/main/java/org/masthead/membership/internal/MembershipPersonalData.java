package org.masthead.membership.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.AccountDeleted;
import org.masthead.accounts.PersonalDataContributor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A reader's membership in their data export (Premium, contributions, reading list), and what becomes of
 * it when the account is deleted: the reading list goes; subscriptions and contributions stay as
 * records of money, no longer tied to the account or its address.
 */
@Component
class MembershipPersonalData implements PersonalDataContributor {

    record Subscription(
            String reference, @Nullable String status, String plan, String price, @Nullable Instant currentPeriodEnd) {}

    record Gift(
            String reference,
            String frequency,
            String amount,
            @Nullable String status,
            Instant startedAt,
            String email) {}

    record Saved(long articleId, Instant savedAt, @Nullable Instant readAt) {}

    private final PremiumSubscriptions premium;
    private final Contributions contributions;
    private final ReadingList readingList;

    MembershipPersonalData(PremiumSubscriptions premium, Contributions contributions, ReadingList readingList) {
        this.premium = premium;
        this.contributions = contributions;
        this.readingList = readingList;
    }

    @Override
    public String section() {
        return "membership";
    }

    @Override
    public Object dataFor(long accountId) {
        List<Subscription> subscriptions = premium.forAccount(accountId).stream()
                .map(s -> new Subscription(
                        s.reference(),
                        s.status() == null ? null : s.status().name(),
                        s.interval().name(),
                        s.price().format(),
                        s.currentPeriodEnd()))
                .toList();
        List<Gift> gifts = contributions.of(accountId).stream()
                .map(c -> new Gift(
                        c.reference(),
                        c.frequency().label(),
                        c.amount().format(),
                        c.status(),
                        c.startedAt(),
                        c.email()))
                .toList();
        List<Saved> saved = readingList.everything(accountId).stream()
                .map(e -> new Saved(e.articleId(), e.savedAt(), e.readAt()))
                .toList();
        return Map.of("premium", subscriptions, "contributions", gifts, "readingList", saved);
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        readingList.forgetAccount(deleted.accountId());
        premium.forgetAccount(deleted.accountId());
        contributions.forgetAccount(deleted.accountId());
    }
}
