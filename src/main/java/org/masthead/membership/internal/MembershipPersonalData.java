package org.masthead.membership.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

    /** A saved article with the member's note and the collections it is in, by name. */
    record Saved(
            long articleId,
            String headline,
            Instant savedAt,
            @Nullable Instant readAt,
            @Nullable String note,
            List<String> collections) {}

    /** The membership section of the export, in this order. */
    record Export(
            List<Subscription> premium,
            List<Gift> contributions,
            List<Saved> readingList,
            List<Collection> readingListCollections) {}

    /** A collection the member made, with how many articles are in it (an empty one is exported too). */
    record Collection(String name, long articles) {}

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
        List<ReadingList.Collection> made = readingList.everyCollection(accountId);
        Map<Long, String> names =
                made.stream().collect(Collectors.toMap(ReadingList.Collection::id, ReadingList.Collection::name));
        List<Saved> saved = readingList.everything(accountId).stream()
                .map(e -> new Saved(
                        e.articleId(),
                        e.headline(),
                        e.savedAt(),
                        e.readAt(),
                        e.note(),
                        e.collectionIds().stream().map(names::get).toList()))
                .toList();
        List<Collection> collections =
                made.stream().map(c -> new Collection(c.name(), c.size())).toList();
        return new Export(subscriptions, gifts, saved, collections);
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        readingList.forgetAccount(deleted.accountId());
        premium.forgetAccount(deleted.accountId());
        contributions.forgetAccount(deleted.accountId());
    }
}
