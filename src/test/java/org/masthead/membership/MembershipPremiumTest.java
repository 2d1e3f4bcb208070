package org.masthead.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.membership.TestMembers.WAIT;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.masthead.membership.internal.PremiumSubscriptions;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.SubscriptionStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Premium is worked out from what the payments events report: trialing, active and past due (the
 * grace period) entitle the reader; canceled, or a canceled-at-period-end subscription whose period
 * has ended, do not. Subscribing goes through the sandbox's checkout with the server's price.
 */
@MastheadTest
class MembershipPremiumTest {

    static final String SUCCEEDS = "4242 4242 4242 4242";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestMembers members;

    @Autowired
    Membership membership;

    @Autowired
    PremiumSubscriptions subscriptions;

    @Autowired
    JdbcClient db;

    @Test
    void trialingActiveAndPastDueAreEntitledToPremiumAndCanceledIsNot() {
        long reader = accounts.create(true).id();
        String reference = TestMembers.premiumReference();
        Instant periodEnd = Instant.now().plus(Duration.ofDays(14));

        members.report(reference, reader, SubscriptionStatus.TRIALING, periodEnd, false);
        await().atMost(WAIT).until(() -> membership.isPremium(reader));
        assertThat(membership.maySaveArticles(reader)).isTrue();

        members.report(reference, reader, SubscriptionStatus.ACTIVE, periodEnd, false);
        await().atMost(WAIT).until(() -> statusOf(reference) == SubscriptionStatus.ACTIVE);
        assertThat(membership.isPremium(reader)).isTrue();

        members.report(
                reference, reader, SubscriptionStatus.PAST_DUE, Instant.now().minusSeconds(60), false);
        await().atMost(WAIT).until(() -> statusOf(reference) == SubscriptionStatus.PAST_DUE);
        assertThat(membership.isPremium(reader))
                .as("Premium stays in the grace period")
                .isTrue();

        members.report(
                reference, reader, SubscriptionStatus.CANCELED, Instant.now().minusSeconds(60), false);
        await().atMost(WAIT).until(() -> !membership.isPremium(reader));
        assertThat(membership.maySaveArticles(reader)).isFalse();
    }

    @Test
    void aSubscriptionSetToCancelLastsUntilItsPeriodEnds() {
        long stillInPeriod = accounts.create(true).id();
        long periodOver = accounts.create(true).id();

        members.report(
                TestMembers.premiumReference(),
                stillInPeriod,
                SubscriptionStatus.ACTIVE,
                Instant.now().plus(Duration.ofDays(3)),
                true);
        members.report(
                TestMembers.premiumReference(),
                periodOver,
                SubscriptionStatus.ACTIVE,
                Instant.now().minusSeconds(1),
                true);

        await().atMost(WAIT).until(() -> membership.isPremium(stillInPeriod));
        await().atMost(WAIT).until(() -> subscriptions.current(periodOver).isPresent());
        assertThat(membership.isPremium(periodOver)).isFalse();
    }

    @Test
    void aReaderWithoutASubscriptionIsNeitherPremiumNorASupporter() {
        long reader = accounts.create(true).id();

        assertThat(membership.isPremium(reader)).isFalse();
        assertThat(membership.isSupporter(reader)).isFalse();
        assertThat(membership.maySaveArticles(reader)).isFalse();
    }

    @Test
    void aReaderSubscribesThroughTheCheckoutAtThePlansPriceAndBecomesPremium() {
        TestAccounts.Credentials account = accounts.create(true);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);

        HttpResponse<String> page = reader.get("/premium?currency=EUR");
        assertThat(page.body()).contains("€5.00 a month").contains("€50.00 a year");
        HttpResponse<String> started =
                reader.post("/premium", Map.of("plan", "YEAR", "currency", "EUR", "price", "0.01", "amount", "1"));
        assertThat(started.statusCode()).isEqualTo(302);
        String checkout = java.net
                .URI
                .create(started.headers().firstValue("Location").orElseThrow())
                .getPath();
        assertThat(reader.get(checkout).body())
                .as("the checkout charges the plan's price")
                .contains("€50.00");
        HttpResponse<String> paid =
                reader.submit(checkout, checkout, Map.of("cardNumber", SUCCEEDS, "expiry", "12/34", "cvc", "123"));
        assertThat(paid.headers().firstValue("Location").orElseThrow()).contains("/premium/thanks?checkout=");

        await().atMost(WAIT).until(() -> membership.isPremium(account.id()));
        var subscription = subscriptions.current(account.id()).orElseThrow();
        assertThat(subscription.interval()).isEqualTo(BillingInterval.YEAR);
        assertThat(subscription.price().minorUnits()).isEqualTo(5000);
        assertThat(subscription.price().currencyCode()).isEqualTo("EUR");
        assertThat(reader.get("/premium/thanks").body()).contains("Your Premium membership is active");
        HttpResponse<String> manage = reader.get("/account/membership");
        assertThat(manage.body()).contains("€50.00 a year").contains("Next payment on");
        await().atMost(WAIT)
                .until(() -> reader.get("/account/membership").body().contains("Paid"));
    }

    @Test
    void anUnknownCurrencyOrPlanIsRefusedAndNoCheckoutIsOpened() {
        TestAccounts.Credentials account = accounts.create(true);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        reader.get("/premium");

        HttpResponse<String> badCurrency = reader.post("/premium", Map.of("plan", "MONTH", "currency", "JPY"));
        HttpResponse<String> badPlan = reader.post("/premium", Map.of("plan", "WEEK", "currency", "GBP"));

        assertThat(badCurrency.statusCode()).isEqualTo(200);
        assertThat(badCurrency.body()).contains("Payments are not taken in");
        assertThat(badPlan.statusCode()).isEqualTo(200);
        assertThat(badPlan.body()).contains("Choose a plan.");
        assertThat(db.sql("SELECT count(*) FROM premium_subscription WHERE account_id = :a")
                        .param("a", account.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theCurrencyFollowsTheReadersLocaleUntilTheyChooseAnother() {
        assertThat(new WebSession(port)
                        .header("Accept-Language", "en-US")
                        .get("/premium")
                        .body())
                .contains("US$5.00 a month");
        assertThat(new WebSession(port)
                        .header("Accept-Language", "de-DE")
                        .get("/premium")
                        .body())
                .contains("€5.00 a month");
        assertThat(new WebSession(port)
                        .header("Accept-Language", "de-DE")
                        .get("/premium?currency=GBP")
                        .body())
                .contains("£5.00 a month");
    }

    private SubscriptionStatus statusOf(String reference) {
        return subscriptions.byReference(reference).map(s -> s.status()).orElse(null);
    }
}
