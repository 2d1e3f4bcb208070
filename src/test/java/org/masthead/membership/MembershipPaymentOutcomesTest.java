package org.masthead.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.membership.TestMembers.WAIT;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.CommenterBadges;
import org.masthead.membership.internal.Contributions;
import org.masthead.membership.internal.PremiumSubscriptions;
import org.masthead.membership.internal.PremiumSubscriptions.PremiumSubscription;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.Payments;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.payments.TestPayments;
import org.masthead.site.Dates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What becomes of a payment after it is taken, as the reader sees it: a refund is listed and mailed, and
 * a one-off gift given back in full no longer makes a supporter; a failed renewal is mailed by name,
 * naming the subscription, and the page gives the next try; a change from the next payment waits beside
 * what is paid now.
 */
@MastheadTest
class MembershipPaymentOutcomesTest {

    static final String SUCCEEDS = "4242 4242 4242 4242";
    static final String FAILS_ON_RENEWAL = "4000 0000 0000 0341";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Membership membership;

    @Autowired
    Contributions contributions;

    @Autowired
    PremiumSubscriptions subscriptions;

    @Autowired
    Payments payments;

    @Autowired
    TestPayments sandbox;

    @Autowired
    Dates dates;

    @Autowired
    JdbcClient db;

    @Autowired
    HikariDataSource pool;

    @Autowired
    List<CommenterBadges> badges;

    @Test
    void aRefundIsListedAndMailedAndAGiftGivenBackInFullNoLongerMakesASupporter() throws MessagingException {
        TestAccounts.Credentials account = accounts.create(true);
        long admin = accounts.create(true).id();
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        give(reader, "ONE_OFF", "15.50", SUCCEEDS);
        await().atMost(WAIT).until(() -> membership.isSupporter(account.id()));
        String charge = chargeOf(contributions.of(account.id()).getFirst().reference());
        int mailed = afterMail(account.email(), "Thank you for your contribution");

        payments.refund(charge, Money.of(500, "GBP"), admin, "reader asked");

        await().atMost(WAIT)
                .until(() -> reader.get("/account/membership").body().contains("Paid; refunded £5.00"));
        MimeMessage part = TestMailServer.awaitMessageTo(account.email(), mailed);
        assertThat(part.getSubject()).isEqualTo("Your refund of £5.00");
        assertThat(ContributionsTest.plainText(part))
                .as("greeted by name, like every membership mail")
                .containsPattern("(?m)^Hello " + account.displayName() + ",\\r?$")
                .contains("We have refunded £5.00 of the £15.50 you paid for your one-off contribution on");
        assertThat(membership.isSupporter(account.id()))
                .as("part of the gift is still given")
                .isTrue();

        payments.refund(charge, null, admin, "the rest");

        // The ask under articles is shown to whoever is not a supporter (nor Premium): it comes back.
        await().atMost(WAIT).until(() -> !membership.isSupporter(account.id()));
        String page = reader.get("/account/membership").body();
        assertThat(page)
                .contains("Refunded £15.50")
                .contains("(refunded)")
                .doesNotContain("you are a supporter")
                .doesNotContain(">Paid<");
        MimeMessage rest = TestMailServer.awaitMessageTo(account.email(), mailed + 1);
        assertThat(rest.getSubject()).isEqualTo("Your refund of £10.50");
        assertThat(ContributionsTest.plainText(rest)).contains(": all of it has now been given back.");
    }

    @Test
    void aFailedRenewalIsMailedByNameNamingPremiumAndThePageGivesTheNextTry() throws MessagingException {
        TestAccounts.Credentials account = accounts.create(true);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        reader.get("/premium");
        String checkout = URI.create(reader.post("/premium", Map.of("plan", "MONTH", "currency", "GBP"))
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .getPath();
        pay(reader, checkout, FAILS_ON_RENEWAL);
        await().atMost(WAIT).until(() -> subscriptions
                .current(account.id())
                .map(PremiumSubscription::currentPeriodEnd)
                .isPresent());
        PremiumSubscription paid = subscriptions.current(account.id()).orElseThrow();
        int mailed = afterMail(account.email(), "Welcome to Premium: your receipt");
        Instant renewal = paid.currentPeriodEnd().plus(Duration.ofHours(1));

        sandbox.renewDue(renewal);

        await().atMost(WAIT)
                .until(() -> subscriptions.current(account.id()).orElseThrow().status() == SubscriptionStatus.PAST_DUE);
        MimeMessage failed = TestMailServer.awaitMessageTo(account.email(), mailed);
        assertThat(failed.getSubject()).isEqualTo("We could not take your payment");
        assertThat(ContributionsTest.plainText(failed))
                .containsPattern("(?m)^Hello " + account.displayName() + ",\\r?$")
                .contains("We could not take the " + paid.price().format() + " payment for your Premium membership")
                .contains("We will try again on");
        Instant retry = db.sql("SELECT next_retry_at FROM membership_payment WHERE reference = :reference"
                        + " AND NOT succeeded")
                .param("reference", paid.reference())
                .query(Timestamp.class)
                .single()
                .toInstant();
        assertThat(retry).isAfter(renewal);
        await().atMost(WAIT)
                .until(() -> reader.get("/account/membership").body().contains("We will try again on"));
        assertThat(reader.get("/account/membership").body())
                .as("the next attempt, not the period's end that has passed")
                .containsPattern("We will try again on\\s*<time[^>]*>" + dates.day(retry) + "</time>")
                .doesNotContain("Next payment on");
    }

    @Test
    void aNewAmountOrPlanWaitsForTheNextPaymentBesideWhatIsPaidNow() {
        TestAccounts.Credentials account = accounts.create(true);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        give(reader, "MONTH", "10.00", SUCCEEDS);
        Contributions.Contribution contribution = await().atMost(WAIT)
                .until(
                        () -> contributions.of(account.id()).stream()
                                .findFirst()
                                .orElse(null),
                        c -> c != null && c.paid() != null && c.currentPeriodEnd() != null);
        String next = dates.day(contribution.currentPeriodEnd());

        reader.get("/account/membership");
        reader.post(
                "/account/membership/contributions/" + contribution.reference() + "/amount", Map.of("amount", "12"));
        await().atMost(WAIT)
                .until(() -> contributions
                                .byReference(contribution.reference())
                                .orElseThrow()
                                .amount()
                                .minorUnits()
                        == 1200);

        assertThat(reader.get("/account/membership").body())
                .as("£12 has not been taken: £10 is what is given, £12 waits for the next payment")
                .containsPattern("<strong>£10.00</strong>\\s*<span>a month</span>")
                .contains("£12.00 from " + next);
        assertThat(reader.get("/account/membership/contributions/" + contribution.reference() + "/cancel")
                        .body())
                .contains("£10.00 a month");

        TestAccounts.Credentials member = accounts.create(true);
        WebSession premium = new WebSession(port);
        TestAccounts.signIn(premium, member);
        premium.get("/premium");
        String checkout = URI.create(premium.post("/premium", Map.of("plan", "MONTH", "currency", "GBP"))
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .getPath();
        pay(premium, checkout, SUCCEEDS);
        await().atMost(WAIT).until(() -> subscriptions
                .current(member.id())
                .map(PremiumSubscription::paidPrice)
                .isPresent());
        PremiumSubscription monthly = subscriptions.current(member.id()).orElseThrow();
        premium.get("/account/membership");
        premium.post("/account/membership/plan", Map.of("plan", "YEAR"));
        await().atMost(WAIT)
                .until(() -> subscriptions.current(member.id()).orElseThrow().interval() == BillingInterval.YEAR);
        PremiumSubscription switched = subscriptions.current(member.id()).orElseThrow();

        assertThat(premium.get("/account/membership").body())
                .as("the monthly plan is paid for until the next payment; the annual one waits beside it")
                .containsPattern(
                        "Monthly</span> plan,\\s*<span>" + monthly.price().format() + " a month</span>")
                .contains("annual, " + switched.price().format() + " a year, from "
                        + dates.day(switched.currentPeriodEnd()));
    }

    private void give(WebSession reader, String frequency, String amount, String card) {
        reader.get("/support");
        HttpResponse<String> started = reader.post(
                "/support",
                Map.of("frequency", frequency, "amount", "other", "customAmount", amount, "currency", "GBP"));
        pay(
                reader,
                URI.create(started.headers().firstValue("Location").orElseThrow())
                        .getPath(),
                card);
    }

    private static void pay(WebSession reader, String checkout, String card) {
        reader.get(checkout);
        reader.submit(checkout, checkout, Map.of("cardNumber", card, "expiry", "12/34", "cvc", "123"));
    }

    /** Waits for the mail with this subject, and returns how many this address has had by then. */
    private static int afterMail(String address, String subject) {
        await().atMost(WAIT).until(() -> TestMailServer.messagesTo(address).stream()
                .anyMatch(message -> subjectOf(message).equals(subject)));
        return TestMailServer.messagesTo(address).size();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private String chargeOf(String reference) {
        return await().atMost(WAIT)
                .until(
                        () -> db.sql("SELECT charge_id FROM membership_payment WHERE reference = :reference"
                                        + " AND succeeded")
                                .param("reference", reference)
                                .query(String.class)
                                .optional()
                                .orElse(null),
                        charge -> charge != null);
    }

    /**
     * The membership page and the commenters' badges read outside any transaction: each read must give its
     * connection back, or the node stops answering once the pool is spent.
     */
    @Test
    void theMembershipPageAndBadgesGiveTheirConnectionsBack() {
        TestAccounts.Credentials account = accounts.create(true);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        int moreThanThePool = pool.getMaximumPoolSize() + 5;
        for (int i = 0; i < moreThanThePool; i++) {
            assertThat(reader.get("/account/membership").statusCode()).isEqualTo(200);
            assertThat(badges.stream().map(b -> b.badgesOf(List.of(account.id()))))
                    .isNotEmpty();
        }
        assertThat(pool.getHikariPoolMXBean().getActiveConnections())
                .as("connections still taken after the reads")
                .isLessThan(pool.getMaximumPoolSize() / 2);
    }
}
