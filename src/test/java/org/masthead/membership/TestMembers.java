package org.masthead.membership;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.masthead.membership.internal.ContributionCheckouts;
import org.masthead.membership.internal.Frequency;
import org.masthead.membership.internal.PremiumSubscriptions;
import org.masthead.membership.internal.ReadingList;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.SubscriptionChanged;
import org.masthead.payments.SubscriptionStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes readers members as the payments module would: by publishing its events, in a transaction, and
 * waiting until membership has applied them.
 */
@Component
public class TestMembers {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Membership membership;
    private final ContributionCheckouts checkouts;
    private final ReadingList readingList;

    TestMembers(
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Membership membership,
            ContributionCheckouts checkouts,
            ReadingList readingList) {
        this.events = events;
        this.transactions = transactions;
        this.membership = membership;
        this.checkouts = checkouts;
        this.readingList = readingList;
    }

    /** Saves the article to a Premium member's reading list, as its Save button does. */
    public void save(long accountId, long articleId) {
        readingList.save(accountId, articleId);
    }

    /** Starts a guest's one-off contribution as the support form does, not yet paid. */
    public void startOneOffGift(Money amount, String email) {
        checkouts.start(
                new ContributionCheckouts.Gift(Frequency.ONE_OFF, amount, email, null, null),
                URI.create("http://localhost/support/thanks"),
                URI.create("http://localhost/support"));
    }

    /** A Premium subscription's reference, new and unique. */
    public static String premiumReference() {
        return TestContent.unique(PremiumSubscriptions.REFERENCE_PREFIX + "test");
    }

    /** Gives the reader an active monthly Premium subscription for the next month, and waits until it counts. */
    public String makePremium(long accountId) {
        String reference = premiumReference();
        report(reference, accountId, SubscriptionStatus.ACTIVE, Instant.now().plus(Duration.ofDays(30)), false);
        await().atMost(WAIT).until(() -> membership.isPremium(accountId));
        return reference;
    }

    /** Publishes what the provider would report of the subscription now, as payments does. */
    public void report(
            String reference,
            long accountId,
            SubscriptionStatus status,
            @Nullable Instant periodEnd,
            boolean cancelAtPeriodEnd) {
        report(reference, accountId, status, periodEnd, cancelAtPeriodEnd, Instant.now());
    }

    /** Publishes what the provider reported of the subscription at {@code at}. */
    public void report(
            String reference,
            long accountId,
            SubscriptionStatus status,
            @Nullable Instant periodEnd,
            boolean cancelAtPeriodEnd,
            Instant at) {
        publish(new SubscriptionChanged(
                reference,
                "sub_" + reference,
                "cus_" + accountId,
                status,
                periodEnd,
                cancelAtPeriodEnd,
                Money.of(500, "GBP"),
                BillingInterval.MONTH,
                accountId,
                "reader" + accountId + "@example.com",
                at));
    }

    public void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }
}
