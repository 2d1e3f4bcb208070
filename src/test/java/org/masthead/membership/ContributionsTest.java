package org.masthead.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.membership.TestMembers.WAIT;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.CommenterBadges;
import org.masthead.membership.internal.ContributionCheckouts;
import org.masthead.membership.internal.Contributions;
import org.masthead.membership.internal.Frequency;
import org.masthead.membership.internal.MembershipPayments;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.PaymentSucceeded;
import org.masthead.payments.SubscriptionChanged;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.payments.TestPayments;
import org.masthead.site.Dates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contributions: the amount and currency are checked before any checkout opens; a paid one-off
 * contribution makes its giver a supporter for a year, a recurring one while it lives; a guest's
 * contributions join the account they register with; every payment gets a receipt.
 */
@MastheadTest
class ContributionsTest {

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
    Contributions contributions;

    @Autowired
    ContributionCheckouts checkouts;

    @Autowired
    List<CommenterBadges> badges;

    @Autowired
    JdbcClient db;

    @Autowired
    MembershipPayments payments;

    @Autowired
    TestPayments sandbox;

    @Autowired
    Dates dates;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aGuestGivesOnceWithTheSucceedingCardAndIsMailedAReceipt() {
        String email = TestContent.unique("guest") + "@example.com";
        WebSession guest = new WebSession(port);
        guest.get("/support?currency=GBP");

        HttpResponse<String> started = guest.post(
                "/support",
                Map.of(
                        "frequency",
                        "ONE_OFF",
                        "amount",
                        "other",
                        "customAmount",
                        "12.50",
                        "currency",
                        "GBP",
                        "email",
                        email));

        assertThat(started.statusCode()).isEqualTo(302);
        String checkout = URI.create(started.headers().firstValue("Location").orElseThrow())
                .getPath();
        assertThat(guest.get(checkout).body()).contains("£12.50");
        HttpResponse<String> paid =
                guest.submit(checkout, checkout, Map.of("cardNumber", SUCCEEDS, "expiry", "12/34", "cvc", "123"));
        assertThat(paid.headers().firstValue("Location").orElseThrow()).contains("/support/thanks?checkout=");
        MimeMessage receipt = TestMailServer.awaitMessageTo(email);
        assertThat(plainText(receipt))
                .as("a guest has no name to be greeted by")
                .containsPattern("(?m)^Hello,\\r?$")
                .contains("Thank you for your one-off contribution of £12.50")
                .contains("Register with this address");
        assertThat(guestContribution(email).status()).isEqualTo("PAID");
    }

    @Test
    void badAmountsUnknownCurrenciesAndFrequenciesAreRefusedBeforeAnyCheckout() {
        String email = TestContent.unique("refused") + "@example.com";
        WebSession guest = new WebSession(port);
        guest.get("/support");
        Map<String, String> good = Map.of(
                "frequency", "ONE_OFF", "amount", "other", "customAmount", "10", "currency", "GBP", "email", email);

        for (Map.Entry<String, String> bad : List.of(
                Map.entry("customAmount", "0.50"),
                Map.entry("customAmount", "1000.01"),
                Map.entry("customAmount", "-5"),
                Map.entry("customAmount", "1.005"),
                Map.entry("customAmount", "ten"),
                Map.entry("currency", "JPY"),
                Map.entry("currency", "XXX"),
                Map.entry("frequency", "WEEKLY"),
                Map.entry("email", "not an address"))) {
            Map<String, String> fields = new HashMap<>(good);
            fields.put(bad.getKey(), bad.getValue());
            HttpResponse<String> response = guest.post("/support", fields);
            assertThat(response.statusCode()).as("%s", bad).isEqualTo(200);
            assertThat(response.body()).as("%s", bad).contains("data-problem");
        }
        assertThat(db.sql("SELECT count(*) FROM contribution WHERE email = :email AND status IS NOT NULL")
                        .param("email", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anAmountThatIsRefusedIsSaidBesideItsFieldAsTheSitesOtherFormsDo() {
        WebSession guest = new WebSession(port);
        guest.get("/support");
        Map<String, String> fields = new HashMap<>(
                Map.of("frequency", "ONE_OFF", "amount", "other", "currency", "GBP", "email", "giver@example.com"));

        fields.put("customAmount", "12.345");
        String tooFine = guest.post("/support", fields).body();
        fields.put("customAmount", "1000.01");
        String tooMuch = guest.post("/support", fields).body();

        assertThat(tooFine)
                .contains("<h2>There is a problem</h2>")
                .contains("<a href=\"#customAmount\">Use at most two decimal places, such as 12.50.</a>")
                .containsPattern("id=\"customAmount-error\">\\s*<span class=\"visually-hidden\">Error:</span>"
                        + " <span>Use at most two decimal places, such as 12.50.</span>")
                .containsPattern(
                        "<input id=\"customAmount\"[^>]*aria-describedby=\"customAmount-error customAmount-hint\"")
                .containsPattern("<input id=\"customAmount\"[^>]*value=\"12.345\"")
                .doesNotContain("Write the amount as a number");
        assertThat(tooMuch).contains("A payment must be from £1.00 to £1,000.00.");
    }

    @Test
    void aTickedPresetIsGivenWhateverWasLeftInAnotherAmount() {
        String email = TestContent.unique("typed") + "@example.com";
        WebSession guest = new WebSession(port);
        guest.get("/support");
        // The reader typed an amount of their own, then changed their mind and ticked a preset.
        Map<String, String> fields = new HashMap<>(Map.of(
                "frequency", "ONE_OFF", "amount", "20.00", "customAmount", "12,50", "currency", "GBP", "email", email));

        HttpResponse<String> misspelt = guest.post("/support", fields);
        fields.put("customAmount", "15");
        HttpResponse<String> another = guest.post("/support", fields);

        assertThat(misspelt.statusCode())
                .as("the ticked £20.00 goes on to payment, not “Write the amount as a number”: %s", misspelt.body())
                .isEqualTo(302);
        assertThat(another.statusCode()).isEqualTo(302);
        assertThat(db.sql("SELECT minor_units FROM contribution WHERE email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .list())
                .containsExactly(2000L, 2000L);
    }

    @Test
    void aGuestsAddressThatIsMissingOrWrongIsSaidBesideItsFieldWithTheAmountKept() {
        WebSession guest = new WebSession(port);
        guest.get("/support");
        Map<String, String> fields = new HashMap<>(
                Map.of("frequency", "MONTH", "amount", "other", "customAmount", "12.50", "currency", "GBP"));

        fields.put("email", "giver at example.com");
        String wrong = guest.post("/support", fields).body();
        fields.put("email", "  ");
        String missing = guest.post("/support", fields).body();

        assertThat(wrong)
                .contains("<a href=\"#email\">Enter an e-mail address like name@example.com.</a>")
                .containsPattern("id=\"email-error\">\\s*<span class=\"visually-hidden\">Error:</span>"
                        + " <span>Enter an e-mail address like name@example.com.</span>")
                .containsPattern(
                        "<input id=\"email\"[^>]*value=\"giver at example.com\"[^>]*aria-describedby=\"email-error"
                                + " email-hint\"")
                .containsPattern("<input id=\"customAmount\"[^>]*value=\"12.50\"")
                .doesNotContain("Not an e-mail address");
        assertThat(missing).contains("<a href=\"#email\">Enter your e-mail address, for the receipt.</a>");
        fields.put("email", "<script>@example.com");
        assertThat(guest.post("/support", fields).body())
                .as("an address the receipt could not be sent to is refused before any payment")
                .contains("<a href=\"#email\">Enter an e-mail address like name@example.com.</a>");
    }

    @Test
    void aOneOffContributionMakesItsGiverASupporterForAYear() {
        long lastYear = accounts.create(true).id();
        long thisYear = accounts.create(true).id();

        payOneOff(lastYear, Instant.now().minus(Duration.ofDays(366)));
        payOneOff(thisYear, Instant.now().minus(Duration.ofDays(364)));

        await().atMost(WAIT).until(() -> membership.isSupporter(thisYear));
        await().atMost(WAIT).until(() -> contributions.of(lastYear).size() == 1);
        assertThat(membership.isSupporter(lastYear)).isFalse();
        assertThat(badgesOf(thisYear)).contains(new CommenterBadges.Badge("Supporter", "supporter"));
        assertThat(badgesOf(lastYear)).doesNotContain(new CommenterBadges.Badge("Supporter", "supporter"));
    }

    @Test
    void aRecurringContributionMakesItsGiverASupporterWhileItLives() {
        long reader = accounts.create(true).id();
        String reference = start(reader, Frequency.MONTH);

        members.publish(subscriptionChanged(reference, reader, SubscriptionStatus.ACTIVE));
        await().atMost(WAIT).until(() -> membership.isSupporter(reader));
        members.publish(subscriptionChanged(reference, reader, SubscriptionStatus.PAST_DUE));
        await().atMost(WAIT).until(() -> "PAST_DUE"
                .equals(contributions.byReference(reference).orElseThrow().status()));
        assertThat(membership.isSupporter(reader)).isTrue();
        members.publish(subscriptionChanged(reference, reader, SubscriptionStatus.CANCELED));

        await().atMost(WAIT).until(() -> !membership.isSupporter(reader));
    }

    @Test
    void aGuestsContributionJoinsTheAccountRegisteredWithItsAddress() {
        String email = TestContent.unique("claimed") + "@example.com";
        String reference = checkouts
                .start(
                        new ContributionCheckouts.Gift(Frequency.ONE_OFF, Money.of(1000, "GBP"), email, null, null),
                        URI.create("http://localhost/support/thanks"),
                        URI.create("http://localhost/support"))
                .checkoutId();
        String contribution = guestContribution(email).reference();
        members.publish(paid(contribution, null, email, Instant.now()));
        await().atMost(WAIT).until(() -> "PAID".equals(guestContribution(email).status()));

        long accountId = registerAndConfirm(email).id();

        assertThat(membership.isSupporter(accountId)).isTrue();
    }

    @Test
    void aGuestsPaymentsJoinTheAccountWithTheirContributionsAndSoDoLaterOnes() {
        String email = TestContent.unique("guestpays") + "@example.com";
        WebSession guest = new WebSession(port);
        guest.get("/support?currency=GBP");
        pay(guest, checkoutAsGuest(guest, email, "MONTH", "10.00"));
        pay(guest, checkoutAsGuest(guest, email, "ONE_OFF", "5.00"));
        await().atMost(WAIT)
                .until(() -> db.sql(
                                        "SELECT count(*) FROM contribution WHERE email = :email AND status IN ('ACTIVE', 'PAID')")
                                .param("email", email)
                                .query(Long.class)
                                .single()
                        == 2);

        TestAccounts.Credentials account = registerAndConfirm(email);
        await().atMost(WAIT).until(() -> payments.of(account.id(), 10).size() == 2);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);

        assertThat(reader.get("/account/membership").body())
                .as("the payments that started the guest's contributions are the account's, as its own would be")
                .doesNotContain("No payments yet.")
                .containsPattern("Contribution</td>\\s*<td>£10.00</td>\\s*<td>Paid</td>")
                .containsPattern("Contribution</td>\\s*<td>£5.00</td>\\s*<td>Paid</td>");
        JsonNode exported = JSON.readTree(reader.get("/account/export").body()).path("payments");
        assertThat(exported.path("payments").size())
                .as("the ledger's two charges, in the export")
                .isEqualTo(2);
        assertThat(exported.path("subscriptions").size())
                .as("the monthly one's subscription")
                .isEqualTo(1);

        sandbox.renewDue(Instant.now().plus(Duration.ofDays(31)));

        await().atMost(WAIT).until(() -> payments.of(account.id(), 10).size() == 3);
        assertThat(JSON.readTree(reader.get("/account/export").body())
                        .path("payments")
                        .path("payments")
                        .size())
                .as("the renewal names the account the subscription was given to")
                .isEqualTo(3);
    }

    @Test
    void aGuestWhoRegistersBeforePayingInTheOpenCheckoutHasThePaymentOnTheAccount() {
        String email = TestContent.unique("paylater") + "@example.com";
        WebSession guest = new WebSession(port);
        guest.get("/support?currency=GBP");
        String checkout = checkoutAsGuest(guest, email, "ONE_OFF", "7.00");
        TestAccounts.Credentials account = registerAndConfirm(email);

        pay(guest, checkout);

        await().atMost(WAIT).until(() -> payments.of(account.id(), 10).size() == 1);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        assertThat(reader.get("/account/membership").body())
                .containsPattern("Contribution</td>\\s*<td>£7.00</td>\\s*<td>Paid</td>");
        assertThat(JSON.readTree(reader.get("/account/export").body())
                        .path("payments")
                        .path("payments")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void cancellingTheCheckoutBringsBackTheFormAsTheReaderLeftItAndSaysNothingWasCharged() {
        String email = TestContent.unique("second+thoughts") + "@example.com";
        WebSession guest = new WebSession(port);
        guest.get("/support?currency=EUR");
        HttpResponse<String> started = guest.post(
                "/support",
                Map.of(
                        "frequency", "MONTH",
                        "amount", "other",
                        "customAmount", "15",
                        "currency", "EUR",
                        "email", email));
        String checkout = URI.create(started.headers().firstValue("Location").orElseThrow())
                .getPath();
        String payPage = guest.get(checkout).body();
        assertThat(payPage).contains("A monthly contribution").contains("€15.00");

        String wayBack = cancelLinkIn(payPage);
        assertThat(wayBack)
                .as("no e-mail address in a URL, where histories and proxies' logs keep it")
                .doesNotContain("email")
                .doesNotContain("second");
        String back = guest.get(wayBack).body();

        assertThat(back)
                .contains("You left the payment page, so nothing was")
                .containsPattern("id=\"frequency-MONTH\"[^>]*checked")
                .doesNotContainPattern("id=\"frequency-ONE_OFF\"[^>]*checked")
                .containsPattern("id=\"amount-other\"[^>]*checked")
                .containsPattern("id=\"customAmount\"[^>]*value=\"15\"")
                .contains("Your amount in EUR");
        assertThat(guest.get("/support?currency=EUR").body())
                .as("the support page opened again afresh says nothing about a payment")
                .doesNotContain("nothing was charged");

        // A signed-in reader's preset, annually: the address is theirs, never written into the way back.
        TestAccounts.Credentials account = accounts.create(true);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        reader.get("/support?currency=GBP");
        started = reader.post("/support", Map.of("frequency", "YEAR", "amount", "20.00", "currency", "GBP"));
        checkout = URI.create(started.headers().firstValue("Location").orElseThrow())
                .getPath();
        payPage = reader.get(checkout).body();
        assertThat(payPage).contains("An annual contribution").doesNotContain("A annual");
        wayBack = cancelLinkIn(payPage);
        assertThat(wayBack).doesNotContain("email");

        assertThat(reader.get(wayBack).body())
                .contains("nothing was")
                .containsPattern("id=\"frequency-YEAR\"[^>]*checked")
                .containsPattern("id=\"amount-2000\"[^>]*checked")
                .containsPattern("id=\"customAmount\"[^>]*value=\"\"");
    }

    /** The path and query of the sandbox checkout's "Cancel and go back". */
    private static String cancelLinkIn(String checkoutPage) {
        Matcher link =
                Pattern.compile("<a href=\"([^\"]+)\">Cancel and go back</a>").matcher(checkoutPage);
        assertThat(link.find()).as("the checkout's way back").isTrue();
        URI back = URI.create(link.group(1).replace("&amp;", "&"));
        return back.getRawPath() + "?" + back.getRawQuery();
    }

    /** The sandbox checkout's path for what a guest chose on the support page. */
    private static String checkoutAsGuest(WebSession guest, String email, String frequency, String amount) {
        HttpResponse<String> started = guest.post(
                "/support", Map.of("frequency", frequency, "amount", amount, "currency", "GBP", "email", email));
        assertThat(started.statusCode()).isEqualTo(302);
        return URI.create(started.headers().firstValue("Location").orElseThrow())
                .getPath();
    }

    private static void pay(WebSession payer, String checkout) {
        HttpResponse<String> paid =
                payer.submit(checkout, checkout, Map.of("cardNumber", SUCCEEDS, "expiry", "12/34", "cvc", "123"));
        assertThat(paid.headers().firstValue("Location").orElseThrow()).contains("/support/thanks?checkout=");
    }

    /** Registers with the address and opens the link mailed to confirm it, as a guest who gave would. */
    private TestAccounts.Credentials registerAndConfirm(String email) {
        String name = TestContent.unique("Giver");
        WebSession visitor = new WebSession(port);
        visitor.submit(
                "/register",
                "/register",
                Map.of("email", email, "displayName", name, "password", TestAccounts.PASSWORD));
        MimeMessage verify = await().atMost(WAIT)
                .until(
                        () -> TestMailServer.messagesTo(email).stream()
                                .filter(m -> TestMailServer.text(m).contains("/account/verify?token="))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        visitor.get(TestMailServer.linkIn(verify, "/account/verify?token="));
        await().atMost(WAIT).until(() -> guestContribution(email).accountId() != null);
        return new TestAccounts.Credentials(guestContribution(email).accountId(), email, name);
    }

    @Test
    void aSupporterSeesTheirContributionsAndNoAsk() {
        TestAccounts.Credentials account = accounts.create(true);
        payOneOff(account.id(), Instant.now());
        await().atMost(WAIT).until(() -> membership.isSupporter(account.id()));
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);

        assertThat(reader.get("/account/membership").body())
                .contains("you are a supporter")
                .containsPattern("<strong>£10.00</strong> given on\\s+<time[^>]*>\\d{1,2} [A-Z][a-z]+ \\d{4}</time>")
                .doesNotContain("one-off")
                .doesNotContain("since");
        assertThat(reader.get("/asks/next?bucket=1").body()).contains("\"show\":false");
    }

    /** The plain-text part of a mail, decoded, as a mail client shows it. */
    static String plainText(MimeMessage message) {
        try {
            Multipart parts = (Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) parts.getBodyPart(i).getContent();
                }
            }
            throw new AssertionError("no plain-text part");
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aReaderChangesTheAmountOfAMonthlyContributionThenStopsIt() {
        TestAccounts.Credentials account = accounts.create(true);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        reader.get("/support");
        HttpResponse<String> started =
                reader.post("/support", Map.of("frequency", "MONTH", "amount", "10.00", "currency", "GBP"));
        String checkout = URI.create(started.headers().firstValue("Location").orElseThrow())
                .getPath();
        reader.submit(checkout, checkout, Map.of("cardNumber", SUCCEEDS, "expiry", "12/34", "cvc", "123"));
        await().atMost(WAIT).until(() -> membership.isSupporter(account.id()));
        String reference = contributions.of(account.id()).getFirst().reference();

        reader.get("/account/membership");
        HttpResponse<String> tooMuch =
                reader.post("/account/membership/contributions/" + reference + "/amount", Map.of("amount", "5000"));
        assertThat(tooMuch.statusCode()).isEqualTo(303);
        assertThat(reader.get("/account/membership").body()).contains("A payment must be from £1.00 to £1,000.00.");
        reader.post("/account/membership/contributions/" + reference + "/amount", Map.of("amount", "12.345"));
        String field = "amount-" + reference;
        assertThat(reader.get("/account/membership").body())
                .as("said beside the field, which keeps what was written")
                .contains("<h2>There is a problem</h2>")
                .contains("<a href=\"#" + field + "\">Use at most two decimal places, such as 12.50.</a>")
                .contains("id=\"" + field + "-error\"")
                .containsPattern("<input id=\"" + field + "\"[^>]*value=\"12.345\"[^>]*aria-describedby=\"" + field
                        + "-error\"");
        reader.post("/account/membership/contributions/" + reference + "/amount", Map.of("amount", "12.00"));
        // The very next page, before the provider's event can have come back, says what will happen.
        assertThat(reader.get("/account/membership").body())
                .containsPattern("Thank you: your contribution changes to .12\\.00 a month, from your next payment on"
                        + " \\d{1,2} [A-Z][a-z]+ \\d{4}\\.")
                .doesNotContain("It can take a moment");
        await().atMost(WAIT)
                .until(() -> contributions
                                .byReference(reference)
                                .orElseThrow()
                                .amount()
                                .minorUnits()
                        == 1200);

        assertThat(reader.get("/account/membership").body()).contains("Next payment on");
        String confirm = reader.get("/account/membership/contributions/" + reference + "/cancel")
                .body();
        assertThat(confirm)
                .as("stopping is asked once more, as cancelling Premium is")
                .contains("Stop this contribution?")
                .contains("No more payments will be taken.");
        assertThat(contributions.byReference(reference).orElseThrow().cancelAtPeriodEnd())
                .as("nothing stops until the reader confirms")
                .isFalse();
        String periodEnd =
                dates.day(contributions.byReference(reference).orElseThrow().currentPeriodEnd());
        reader.post("/account/membership/contributions/" + reference + "/cancel", Map.of());
        // The very next page, before the provider's event can have come back, shows the outcome.
        assertThat(reader.get("/account/membership").body())
                .as("it runs to the end of the period paid for, as the card below says")
                .contains("Your contribution will stop on " + periodEnd + ". No more payments will be taken.")
                .doesNotContain("is stopped")
                .contains("Stops on")
                .contains("Keep giving")
                .doesNotContain("Next payment on")
                .doesNotContain("Change amount")
                .doesNotContain("Stop this contribution");
        await().atMost(WAIT)
                .until(() -> contributions.byReference(reference).orElseThrow().cancelAtPeriodEnd());
        assertThat(reader.get("/account/membership").body())
                .contains("Stops on")
                .doesNotContain("Change amount");
        assertThat(membership.isSupporter(account.id()))
                .as("a supporter until the period ends")
                .isTrue();

        // A form kept from before the stop, posted again: the server refuses it, and says why.
        reader.post("/account/membership/contributions/" + reference + "/amount", Map.of("amount", "15"));
        assertThat(reader.get("/account/membership").body())
                .contains("This contribution is stopped, so it has no next payment to change.")
                .doesNotContain("Write the amount as a number");
        assertThat(contributions.byReference(reference).orElseThrow().amount().minorUnits())
                .isEqualTo(1200);

        reader.post("/account/membership/contributions/" + reference + "/resume", Map.of());
        assertThat(reader.get("/account/membership").body())
                .contains("Thank you: your contribution carries on.")
                .contains("Next payment on")
                .contains("Change amount")
                .doesNotContain("Stops on")
                .doesNotContain("Keep giving");
        await().atMost(WAIT)
                .until(() -> !contributions.byReference(reference).orElseThrow().cancelAtPeriodEnd());
        assertThat(reader.get("/account/membership").body()).contains("Next payment on");
    }

    @Test
    void aReaderCannotChangeSomeoneElsesContribution() {
        TestAccounts.Credentials owner = accounts.create(true);
        String reference = start(owner.id(), Frequency.MONTH);
        members.publish(subscriptionChanged(reference, owner.id(), SubscriptionStatus.ACTIVE));
        await().atMost(WAIT).until(() -> membership.isSupporter(owner.id()));
        WebSession other = new WebSession(port);
        TestAccounts.signIn(other, accounts.create(true));
        other.get("/support");

        HttpResponse<String> refused =
                other.post("/account/membership/contributions/" + reference + "/cancel", Map.of());

        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(other.get("/account/membership").body()).contains("You have no such recurring contribution.");
    }

    private void payOneOff(long accountId, Instant at) {
        String reference = start(accountId, Frequency.ONE_OFF);
        members.publish(paid(reference, accountId, "reader" + accountId + "@example.com", at));
    }

    private String start(long accountId, Frequency frequency) {
        String email = TestContent.unique("giver") + "@example.com";
        checkouts.start(
                new ContributionCheckouts.Gift(frequency, Money.of(1000, "GBP"), email, accountId, null),
                URI.create("http://localhost/support/thanks"),
                URI.create("http://localhost/support"));
        return db.sql("SELECT reference FROM contribution WHERE email = :email")
                .param("email", email)
                .query(String.class)
                .single();
    }

    private Contributions.Contribution guestContribution(String email) {
        return db
                .sql("SELECT reference FROM contribution WHERE email = :email")
                .param("email", email)
                .query(String.class)
                .list()
                .stream()
                .map(reference -> contributions.byReference(reference).orElseThrow())
                .findFirst()
                .orElseThrow();
    }

    private static PaymentSucceeded paid(String reference, Long accountId, String email, Instant at) {
        return new PaymentSucceeded(
                reference,
                PaymentKind.ONE_OFF,
                Money.of(1000, "GBP"),
                TestContent.unique("ch"),
                TestContent.unique("cus"),
                null,
                null,
                accountId,
                email,
                at);
    }

    private static SubscriptionChanged subscriptionChanged(
            String reference, long accountId, SubscriptionStatus status) {
        return new SubscriptionChanged(
                reference,
                "sub_" + reference,
                "cus_" + accountId,
                status,
                Instant.now().plus(Duration.ofDays(30)),
                false,
                Money.of(1000, "GBP"),
                BillingInterval.MONTH,
                accountId,
                "reader" + accountId + "@example.com",
                Instant.now());
    }

    private List<CommenterBadges.Badge> badgesOf(long accountId) {
        return badges.stream()
                .flatMap(b -> b.badgesOf(List.of(accountId)).getOrDefault(accountId, List.of()).stream())
                .toList();
    }
}
