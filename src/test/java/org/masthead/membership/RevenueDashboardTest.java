package org.masthead.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.membership.TestMembers.WAIT;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.membership.internal.ContributionCheckouts;
import org.masthead.membership.internal.Frequency;
import org.masthead.membership.internal.Revenue;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.PaymentSucceeded;
import org.masthead.platform.SiteProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The revenue dashboard counts what membership recorded, in whole minor units, one currency at a time. */
@MastheadTest
class RevenueDashboardTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestMembers members;

    @Autowired
    Revenue revenue;

    @Autowired
    ContributionCheckouts checkouts;

    @Autowired
    SiteProperties site;

    @Autowired
    JdbcClient db;

    @Test
    void aPaidContributionAndANewPremiumMemberShowOnTheDashboard() {
        long contributedBefore =
                revenue.contributionsPerDay("EUR", 1, site.timeZone()).getLast().value();
        long premiumBefore =
                revenue.premiumMembersPerDay(1, site.timeZone()).getLast().value();
        String email = TestContent.unique("dashboard") + "@example.com";
        checkouts.start(
                new ContributionCheckouts.Gift(Frequency.ONE_OFF, Money.of(1234, "EUR"), email, null, null),
                URI.create("http://localhost/support/thanks"),
                URI.create("http://localhost/support"));
        String reference = db.sql("SELECT reference FROM contribution WHERE email = :email")
                .param("email", email)
                .query(String.class)
                .single();
        members.publish(new PaymentSucceeded(
                reference,
                PaymentKind.ONE_OFF,
                Money.of(1234, "EUR"),
                TestContent.unique("ch"),
                TestContent.unique("cus"),
                null,
                null,
                null,
                email,
                Instant.now()));
        members.makePremium(accounts.create(true).id());

        await().atMost(WAIT)
                .until(() -> revenue.contributionsPerDay("EUR", 1, site.timeZone())
                                .getLast()
                                .value()
                        == contributedBefore + 1234);
        assertThat(revenue.premiumMembersPerDay(1, site.timeZone()).getLast().value())
                .isEqualTo(premiumBefore + 1);
        assertThat(revenue.monthlyRecurringRevenue().get("GBP").minorUnits()).isGreaterThanOrEqualTo(500);

        WebSession admin = new WebSession(port);
        TestAccounts.signInWithBothFactors(admin, accounts.create(true, Role.ADMIN));
        String page = admin.get("/admin/membership?currency=EUR").body();
        assertThat(page)
                .contains("<svg")
                .contains("viewBox=\"0 0 648 240\"")
                .contains("Contributions paid per day, EUR")
                .contains("Monthly recurring revenue")
                .contains("Churn, last 30 days");
    }
}
