package org.masthead.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.membership.TestMembers.WAIT;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.membership.internal.Plans;
import org.masthead.membership.internal.PremiumSubscriptions;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.PaymentSucceeded;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.site.Dates;
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

    @Autowired
    Plans plans;

    @Autowired
    Dates dates;

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
        assertThat(subscriptions.premiumAmong(List.of(stillInPeriod, periodOver)))
                .as("the same answer for a page of commenters at once")
                .containsExactly(stillInPeriod);
    }

    @Test
    void aChangeAppliedAfterANewerOneOrAfterTheEndChangesNothing() {
        long reader = accounts.create(true).id();
        String reference = TestMembers.premiumReference();
        Instant now = Instant.now();
        Instant periodEnd = now.plus(Duration.ofDays(30));

        members.report(reference, reader, SubscriptionStatus.ACTIVE, periodEnd, false, now);
        await().atMost(WAIT).until(() -> membership.isPremium(reader));
        members.report(reference, reader, SubscriptionStatus.CANCELED, periodEnd, false, now.minusSeconds(5));
        members.report(reference, reader, SubscriptionStatus.CANCELED, periodEnd, false, now.plusSeconds(5));
        await().atMost(WAIT).until(() -> statusOf(reference) == SubscriptionStatus.CANCELED);
        members.report(reference, reader, SubscriptionStatus.ACTIVE, periodEnd, false, now.plusSeconds(10));

        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(statusOf(reference)).as("canceled is final").isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(membership.isPremium(reader)).isFalse();
    }

    @Test
    void anOlderChangeArrivingLateDoesNotUndoANewerOne() {
        long reader = accounts.create(true).id();
        String reference = TestMembers.premiumReference();
        Instant now = Instant.now();

        members.report(reference, reader, SubscriptionStatus.ACTIVE, now.plus(Duration.ofDays(30)), true, now);
        await().atMost(WAIT).until(() -> subscriptions.byReference(reference).isPresent());
        members.report(
                reference,
                reader,
                SubscriptionStatus.ACTIVE,
                now.plus(Duration.ofDays(30)),
                false,
                now.minusSeconds(60));

        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(subscriptions.byReference(reference).orElseThrow().cancelAtPeriodEnd())
                .as("the newer 'cancel at period end' stands")
                .isTrue();
    }

    @Test
    void aReaderWithoutASubscriptionIsNeitherPremiumNorASupporter() {
        long reader = accounts.create(true).id();

        assertThat(membership.isPremium(reader)).isFalse();
        assertThat(membership.isSupporter(reader)).isFalse();
        assertThat(membership.maySaveArticles(reader)).isFalse();
    }

    @Test
    void theOfferSaysWhatPremiumGivesToVisitorsAndToReadersWithoutIt() {
        WebSession visitor = new WebSession(port);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, accounts.create(true));

        for (String page : List.of(
                visitor.get("/premium").body(),
                reader.get("/premium").body(),
                reader.get("/reading-list").body())) {
            assertThat(page)
                    .contains("a reading list: save any article and come back to it later, on any device")
                    .contains("collections of your own to sort saved articles into, and a private note on each")
                    .contains("search within the articles you saved")
                    .as("the number the offline worker keeps")
                    .contains("your newest 100 saved articles to read offline, on the devices you read on");
        }
        assertThat(reader.get("/reading-list").body())
                .contains("The reading list is for Premium members.")
                .contains("Subscribe to Premium</a> to save articles to your reading list.");
    }

    @Test
    void aVisitorWhoSignsInToSubscribeComesBackToThePlanAndCurrencyTheyChose() {
        TestAccounts.Credentials account = accounts.create(true);
        WebSession visitor = new WebSession(port);

        HttpResponse<String> page = visitor.get("/premium?currency=EUR");
        String signIn = "/signin?return=/premium?currency%3DEUR%26plan%3DYEAR";
        assertThat(page.body())
                .as("the annual plan's “Sign in to subscribe” carries the page, plan and currency")
                .contains("href=\"" + signIn + "\"")
                .doesNotContain("name=\"_csrf\"");
        assertThat(page.headers().allValues("Set-Cookie"))
                .as("a visitor who only reads about Premium is given no session")
                .noneMatch(cookie -> cookie.startsWith("SESSION="));

        visitor.get(signIn);
        HttpResponse<String> signedIn =
                visitor.post("/signin", Map.of("email", account.email(), "password", TestAccounts.PASSWORD));
        String back = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(back).endsWith("/premium?currency=EUR&plan=YEAR");

        String chosen = visitor.get(
                        URI.create(back).getRawPath() + "?" + URI.create(back).getRawQuery())
                .body();
        assertThat(chosen)
                .contains("€50.00 a year")
                .containsPattern("(?s)data-plan=\"YEAR\".*data-chosen-plan.*autofocus[^>]*>Subscribe annually")
                .doesNotContain("Sign in to subscribe");
        HttpResponse<String> started = visitor.post("/premium", Map.of("plan", "YEAR", "currency", "EUR"));
        assertThat(started.statusCode()).as("on to the checkout").isEqualTo(302);
        assertThat(visitor.get(URI.create(
                                        started.headers().firstValue("Location").orElseThrow())
                                .getPath())
                        .body())
                .contains("€50.00");
    }

    @Test
    void leavingTheCheckoutComesBackToThePlanChosenSayingNothingWasCharged() {
        TestAccounts.Credentials account = accounts.create(true);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        reader.get("/premium?currency=EUR");
        HttpResponse<String> started = reader.post("/premium", Map.of("plan", "YEAR", "currency", "EUR"));
        String checkout = java.net
                .URI
                .create(started.headers().firstValue("Location").orElseThrow())
                .getPath();
        java.util.regex.Matcher wayBack = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\">Cancel and go back</a>")
                .matcher(reader.get(checkout).body());
        assertThat(wayBack.find()).as("the checkout's way back").isTrue();
        java.net.URI back = java.net.URI.create(wayBack.group(1).replace("&amp;", "&"));

        String page = reader.get(back.getRawPath() + "?" + back.getRawQuery()).body();

        assertThat(page)
                .contains("You left the payment page, so")
                .contains("nothing was charged.")
                .containsPattern("data-plan=\"YEAR\"[\\s\\S]*?data-chosen-plan")
                .contains("€50.00 a year");
        assertThat(membership.isPremium(account.id())).isFalse();
        assertThat(reader.get("/premium?currency=EUR").body())
                .as("the page opened afresh says nothing about a payment")
                .doesNotContain("nothing was charged");
    }

    @Test
    void aReaderSubscribesThroughTheCheckoutAtThePlansPriceAndBecomesPremium() throws MessagingException {
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
        MimeMessage receipt = TestMailServer.awaitMessageTo(account.email());
        assertThat(receipt.getSubject()).isEqualTo("Welcome to Premium: your receipt");
        assertThat(ContributionsTest.plainText(receipt))
                .containsPattern("(?m)^Hello " + account.displayName() + ",\\r?$")
                .contains("We took your first payment of €50.00 for the annual plan on")
                .contains("the next payment, €50.00 a year, is on")
                .contains("Receipt number: ");
        HttpResponse<String> manage = reader.get("/account/membership");
        assertThat(manage.body()).contains("€50.00 a year").contains("Next payment on");
        await().atMost(WAIT)
                .until(() -> reader.get("/account/membership").body().contains("Paid"));
    }

    @Test
    void aMemberSwitchesPlanCancelsAndResumesFromTheMembershipPage() throws MessagingException {
        TestAccounts.Credentials account = accounts.create(true);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        assertThat(reader.get("/premium").body())
                .contains(">Subscribe monthly</button>")
                .contains(">Subscribe annually</button>");
        String checkout = URI.create(reader.post("/premium", Map.of("plan", "MONTH", "currency", "GBP"))
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .getPath();
        reader.submit(checkout, checkout, Map.of("cardNumber", SUCCEEDS, "expiry", "12/34", "cvc", "123"));
        await().atMost(WAIT).until(() -> membership.isPremium(account.id()));
        reader.get("/account/membership");

        String nextPayment =
                dates.day(subscriptions.current(account.id()).orElseThrow().currentPeriodEnd());
        HttpResponse<String> switched = reader.post("/account/membership/plan", Map.of("plan", "YEAR"));
        assertThat(switched.statusCode()).isEqualTo(303);
        // The very next page, before the provider's event can have come back, says what will happen.
        assertThat(reader.get("/account/membership").body())
                .contains("Your plan changes to annual, £50.00 a year, from your next payment on " + nextPayment + ".")
                .doesNotContain("Switch to annual")
                .doesNotContain("It can take a moment");
        await().atMost(WAIT)
                .until(() -> subscriptions.current(account.id()).orElseThrow().interval() == BillingInterval.YEAR);
        assertThat(subscriptions.current(account.id()).orElseThrow().price().minorUnits())
                .as("the annual plan's price, in the subscription's currency")
                .isEqualTo(5000);
        String portal = URI.create(reader.post("/account/membership/payment-method", Map.of())
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .getPath();
        assertThat(reader.get(portal).body())
                .as("the provider's description does not name the plan the reader left")
                .contains("£50.00 a year")
                .doesNotContain("monthly");

        assertThat(reader.get("/account/membership").body()).contains("href=\"/account/membership/cancel\"");
        String confirm = reader.get("/account/membership/cancel").body();
        assertThat(confirm)
                .contains("Cancel Premium?")
                .contains("Premium stays until the end of the period you have paid for")
                .contains("No more payments will be taken.");
        HttpResponse<String> cancelled = reader.post("/account/membership/cancel", Map.of());
        assertThat(cancelled.statusCode()).isEqualTo(303);
        // The very next page, before the provider's event can have come back, shows the outcome.
        String after = reader.get("/account/membership").body();
        String lastDay =
                dates.day(subscriptions.current(account.id()).orElseThrow().currentPeriodEnd());
        assertThat(after)
                .as("Premium lasts to the period's end, and the notice says so, as the page does")
                .contains("Premium will not renew: it ends on " + lastDay + ".")
                .containsPattern("Premium will not renew: it ends on <time[^>]*>" + lastDay + "</time>\\.")
                .doesNotContain("Premium is cancelled")
                .contains("Resume Premium")
                .doesNotContain("Next payment on")
                .doesNotContain("href=\"/account/membership/cancel\"")
                .doesNotContainIgnoringCase("canceled");
        await().atMost(WAIT)
                .until(() -> subscriptions.current(account.id()).orElseThrow().cancelAtPeriodEnd());
        MimeMessage ending = TestMailServer.awaitMessageTo(account.email(), 1);
        assertThat(ending.getSubject()).isEqualTo("Your Premium ends on " + lastDay);
        assertThat(ContributionsTest.plainText(ending))
                .contains("You cancelled Premium: no more payments will be taken.")
                .contains("Premium stays until " + lastDay + ".")
                .contains("/account/membership");
        assertThat(membership.isPremium(account.id())).isTrue();
        assertThat(reader.get("/account/membership").body())
                .contains("Premium will not renew: it ends on")
                .doesNotContain("Next payment on");
        assertThat(reader.get("/account/membership/cancel").statusCode())
                .as("nothing left to cancel")
                .isEqualTo(303);
        assertThat(reader.get("/account/membership").body()).contains("You have no Premium subscription that renews.");

        reader.post("/account/membership/resume", Map.of());
        assertThat(reader.get("/account/membership").body())
                .contains("Premium is resumed.")
                .contains("Next payment on")
                .doesNotContain("Premium will not renew");
        await().atMost(WAIT)
                .until(() -> !subscriptions.current(account.id()).orElseThrow().cancelAtPeriodEnd());
        assertThat(reader.get("/account/membership").body()).contains("Next payment on");
    }

    @Test
    void thePurchaseIsReceiptedOnceHoweverOftenItsPaymentIsReported() {
        TestAccounts.Credentials account = accounts.create(true);
        String reference = TestMembers.premiumReference();
        members.report(
                reference,
                account.id(),
                SubscriptionStatus.ACTIVE,
                Instant.now().plus(Duration.ofDays(30)),
                false);
        await().atMost(WAIT).until(() -> subscriptions.byReference(reference).isPresent());
        PaymentSucceeded first = new PaymentSucceeded(
                reference,
                PaymentKind.FIRST,
                Money.of(500, "GBP"),
                TestContent.unique("ch"),
                "cus_" + account.id(),
                "sub_" + reference,
                Instant.now().plus(Duration.ofDays(30)),
                account.id(),
                account.email(),
                Instant.now());

        members.publish(first);
        members.publish(first);
        members.publish(new PaymentSucceeded(
                reference,
                PaymentKind.RENEWAL,
                Money.of(500, "GBP"),
                TestContent.unique("ch"),
                "cus_" + account.id(),
                "sub_" + reference,
                Instant.now().plus(Duration.ofDays(60)),
                account.id(),
                account.email(),
                Instant.now()));

        MimeMessage receipt = TestMailServer.awaitMessageTo(account.email());
        assertThat(ContributionsTest.plainText(receipt))
                .contains("We took your first payment of £5.00 for the monthly plan on")
                .contains("Receipt number: " + first.chargeId());
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        assertThat(TestMailServer.messagesTo(account.email()))
                .as("one receipt: the repeated event and the renewal send none")
                .hasSize(1);
    }

    @Test
    void theReaderIsToldOnceThatPremiumWillEndHoweverOftenTheCancellationIsReported() throws MessagingException {
        TestAccounts.Credentials account = accounts.create(true);
        String reference = TestMembers.premiumReference();
        Instant end = Instant.now().plus(Duration.ofDays(30));
        members.report(reference, account.id(), SubscriptionStatus.ACTIVE, end, false);
        await().atMost(WAIT).until(() -> subscriptions.byReference(reference).isPresent());

        Instant cancelledAt = Instant.now();
        members.report(reference, account.id(), SubscriptionStatus.ACTIVE, end, true, cancelledAt);
        members.report(reference, account.id(), SubscriptionStatus.ACTIVE, end, true, cancelledAt);
        members.report(reference, account.id(), SubscriptionStatus.ACTIVE, end, true, cancelledAt.plusSeconds(1));

        MimeMessage ending = TestMailServer.awaitMessageTo(account.email());
        assertThat(ending.getSubject()).isEqualTo("Your Premium ends on " + dates.day(end));
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        assertThat(TestMailServer.messagesTo(account.email()))
                .as("one mail: the repeated and the later reports of the same cancellation send none")
                .hasSize(1);
    }

    @Test
    void aMemberCannotSubscribeTwice() {
        TestAccounts.Credentials account = accounts.create(true);
        members.makePremium(account.id());
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        assertThat(reader.get("/premium").body()).contains("You have Premium").doesNotContain("Subscribe monthly");
        // A form kept from before, posted again: the server refuses it, not just the page.
        reader.get("/account/membership");

        HttpResponse<String> again = reader.post("/premium", Map.of("plan", "MONTH", "currency", "GBP"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("You have Premium already.");
    }

    @Test
    void adminsSetPlanPricesWithinThePaymentLimitsOnly() {
        WebSession admin = new WebSession(port);
        TestAccounts.signInWithBothFactors(admin, accounts.create(true, Role.ADMIN));
        admin.get("/admin/membership/plans");

        admin.post(
                "/admin/membership/plans",
                Map.of(
                        "interval",
                        "MONTH",
                        "name",
                        "Monthly",
                        "trialDays",
                        "0",
                        "available",
                        "true",
                        "priceGBP",
                        "5.00",
                        "priceUSD",
                        "0.10",
                        "priceEUR",
                        "5.00"));
        assertThat(admin.get("/admin/membership/plans").body()).contains("A payment must be from");
        admin.post(
                "/admin/membership/plans",
                Map.of(
                        "interval",
                        "MONTH",
                        "name",
                        "Monthly",
                        "trialDays",
                        "0",
                        "available",
                        "true",
                        "priceGBP",
                        "5.00",
                        "priceUSD",
                        "5.00",
                        "priceEUR",
                        "5.00.0"));
        assertThat(admin.get("/admin/membership/plans").body()).contains("Write the amount as a number");

        assertThat(plans.plan(BillingInterval.MONTH).orElseThrow().prices().get("USD"))
                .as("nothing is saved from a refused form")
                .isEqualTo(Money.of(500, "USD"));
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
    void theHomeCurrencyComesFirstWhateverTheBrowsersLanguageAndAChoiceIsRemembered() {
        WebSession american = new WebSession(port).header("Accept-Language", "en-US");
        assertThat(american.get("/premium").body()).contains("£5.00 a month").doesNotContain("US$5.00");
        assertThat(american.get("/support").body()).contains("£10.00");

        HttpResponse<String> chosen = american.get("/premium?currency=USD");
        assertThat(chosen.body()).contains("US$5.00 a month");
        assertThat(chosen.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("masthead_currency=USD")
                .contains("Max-Age=31536000")
                .contains("HttpOnly")
                .contains("SameSite=Lax"));
        assertThat(american.get("/premium").body()).as("remembered").contains("US$5.00 a month");
        assertThat(american.get("/support").body())
                .as("on the support page too")
                .contains("US$10.00");
        assertThat(american.get("/premium?currency=JPY").body())
                .as("an unknown currency keeps the choice")
                .contains("US$5.00 a month");

        assertThat(new WebSession(port)
                        .header("Accept-Language", "de-DE")
                        .get("/premium")
                        .body())
                .as("another reader's choice is theirs alone")
                .contains("£5.00 a month");
    }

    @Test
    void pagesThatShowTheChosenCurrencyAreNeverStoredByASharedCache() {
        WebSession visitor = new WebSession(port);
        for (String path : List.of("/premium", "/premium?currency=EUR", "/support", "/support?currency=EUR")) {
            HttpResponse<String> page = visitor.get(path);
            assertThat(page.headers().firstValue("Cache-Control").orElse(""))
                    .as("Cache-Control of %s", path)
                    .contains("no-store")
                    .doesNotContain("public");
            assertThat(page.headers().firstValue("Surrogate-Key")).isEmpty();
        }
    }

    @Test
    void theThankYouPageAsksWhetherPremiumIsActiveYet() {
        TestAccounts.Credentials account = accounts.create(true);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        assertThat(reader.get("/premium/thanks").body())
                .contains("this page changes as soon as it is done")
                .contains("/js/premium-thanks");

        HttpResponse<String> waiting = reader.get("/premium/status");
        assertThat(waiting.body()).isEqualTo("{\"signedIn\":true,\"premium\":false}");
        assertThat(waiting.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        members.makePremium(account.id());
        assertThat(reader.get("/premium/status").body()).isEqualTo("{\"signedIn\":true,\"premium\":true}");
        assertThat(new WebSession(port).get("/premium/status").body())
                .isEqualTo("{\"signedIn\":false,\"premium\":false}");
    }

    private SubscriptionStatus statusOf(String reference) {
        return subscriptions.byReference(reference).map(s -> s.status()).orElse(null);
    }
}
