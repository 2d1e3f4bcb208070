package org.masthead.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.membership.TestMembers.WAIT;

import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.masthead.membership.internal.Asks;
import org.masthead.membership.internal.ContributionCheckouts;
import org.masthead.membership.internal.Frequency;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ask under articles: shown to readers who do not give, never to supporters or Premium members;
 * each browser keeps to one variant and the two share browsers; views, clicks and contributions started
 * from the ask are counted per variant.
 */
@MastheadTest
class AsksTest {

    private static final Pattern VARIANT = Pattern.compile("\"variant\":\"([AB])\"");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestMembers members;

    @Autowired
    Asks asks;

    @Autowired
    ContributionCheckouts checkouts;

    @Test
    void theAskIsShownToReadersAndVisitorsButNotToPremiumMembers() {
        TestAccounts.Credentials member = accounts.create(true);
        members.makePremium(member.id());
        WebSession premium = new WebSession(port);
        TestAccounts.signIn(premium, member);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, accounts.create(true));

        assertThat(new WebSession(port).get("/asks/next?bucket=7").body()).contains("\"show\":true");
        assertThat(reader.get("/asks/next?bucket=7").body())
                .contains("\"show\":true")
                .contains("\"link\":\"/support?variant=");
        assertThat(premium.get("/asks/next?bucket=7").body()).isEqualTo("{\"show\":false}");
    }

    @Test
    void eachBrowserKeepsItsVariantAndTheTwoVariantsShareBrowsers() {
        WebSession visitor = new WebSession(port);
        Set<String> seen = new HashSet<>();
        for (int bucket = 0; bucket < 10; bucket++) {
            String first = variantFor(visitor, bucket);
            assertThat(variantFor(visitor, bucket))
                    .as("bucket %d keeps its variant", bucket)
                    .isEqualTo(first);
            seen.add(first);
        }
        assertThat(seen).containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void viewsClicksAndContributionsStartedAreCountedPerVariant() {
        Asks.Results before = results("B");
        WebSession visitor = new WebSession(port);

        visitor.get("/asks/next?bucket=1");
        visitor.get("/support?variant=B");
        assertThat(new Http(port).head("/support?variant=B").statusCode())
                .as("a link checker's HEAD, answered but no click")
                .isEqualTo(200);
        checkouts.start(
                new ContributionCheckouts.Gift(
                        Frequency.ONE_OFF,
                        Money.of(500, "GBP"),
                        TestContent.unique("asked") + "@example.com",
                        null,
                        "B"),
                URI.create("http://localhost/support/thanks"),
                URI.create("http://localhost/support"));

        await().atMost(WAIT).untilAsserted(() -> {
            Asks.Results after = results("B");
            assertThat(after.views()).isGreaterThan(before.views());
            assertThat(after.clicks()).isEqualTo(before.clicks() + 1);
            assertThat(after.started()).isEqualTo(before.started() + 1);
        });
    }

    @Test
    void theVariantComesThroughTheSupportFormToTheContribution() {
        WebSession visitor = new WebSession(port);
        Asks.Results before = results("A");
        String page = visitor.get("/support?variant=A").body();
        assertThat(page).contains("name=\"variant\" value=\"A\"");

        visitor.post(
                "/support",
                Map.of(
                        "frequency", "ONE_OFF",
                        "amount", "10.00",
                        "currency", "GBP",
                        "email", TestContent.unique("form") + "@example.com",
                        "variant", "A"));

        assertThat(results("A").started()).isEqualTo(before.started() + 1);
    }

    private Asks.Results results(String code) {
        return asks.results().stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static String variantFor(WebSession visitor, int bucket) {
        Matcher matcher =
                VARIANT.matcher(visitor.get("/asks/next?bucket=" + bucket).body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
