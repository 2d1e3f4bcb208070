package org.masthead.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
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
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.internal.Ledger;
import org.masthead.payments.internal.LedgerEntry;
import org.masthead.payments.internal.sandbox.TestSandbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox provider end to end, offline: a reader pays on its checkout page with a test card, its
 * signed webhook events come back through the endpoint, and the ledger and the module's events follow.
 * Its billing clock is run forward to see renewals, failures, the grace period and the lapse.
 */
@MastheadTest
class SandboxPaymentsTest {

    static final String SUCCEEDS = "4242 4242 4242 4242";
    static final String DECLINED = "4000 0000 0000 0002";
    static final String FAILS_ON_RENEWAL = "4000 0000 0000 0341";
    static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    Ledger ledger;

    @Autowired
    RecordedPaymentEvents events;

    @Autowired
    TestSandbox sandbox;

    @Autowired
    JdbcClient db;

    @Autowired
    TestAccounts accounts;

    @Test
    void aOneOffPaymentWithTheSucceedingCardIsRecordedAndReportedOnce() {
        String reference = TestContent.unique("contribution");
        CheckoutStarted checkout = payments.startCheckout(oneOff(reference, 1250));
        WebSession reader = new WebSession(port);

        HttpResponse<String> page = reader.get(checkout.redirectTo().toString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("£12.50").contains("4242 4242 4242 4242");
        HttpResponse<String> paid = pay(reader, checkout, SUCCEEDS);

        assertThat(paid.statusCode()).isEqualTo(302);
        assertThat(paid.headers().firstValue("Location").orElseThrow())
                .isEqualTo("http://localhost:8080/thanks?kind=one-off&checkout=" + checkout.checkoutId());
        PaymentSucceeded succeeded = awaitOne(PaymentSucceeded.class, reference);
        assertThat(succeeded.kind()).isEqualTo(PaymentKind.ONE_OFF);
        assertThat(succeeded.amount()).isEqualTo(Money.of(1250, "GBP"));
        assertThat(succeeded.subscriptionId()).isNull();
        LedgerEntry entry = entries(reference).getFirst();
        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.SUCCEEDED);
        assertThat(entry.chargeId()).isEqualTo(succeeded.chargeId());
        assertThat(reader.get(checkout.redirectTo().toString()).statusCode())
                .as("a paid checkout cannot be paid again")
                .isEqualTo(404);
    }

    @Test
    void aDeclinedCardTellsTheReaderWhyAndTakesNothing() {
        String reference = TestContent.unique("declined");
        CheckoutStarted checkout = payments.startCheckout(oneOff(reference, 500));
        WebSession reader = new WebSession(port);

        HttpResponse<String> declined = pay(reader, checkout, DECLINED);

        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(declined.body()).contains("Your card was declined. No money was taken.");
        sandbox.deliverDue();
        assertThat(entries(reference)).isEmpty();
        assertThat(events.of(PaymentSucceeded.class, reference)).isEmpty();

        assertThat(pay(reader, checkout, SUCCEEDS).statusCode())
                .as("another card may be tried on the same checkout")
                .isEqualTo(302);
        awaitOne(PaymentSucceeded.class, reference);
    }

    @Test
    void aCardThatIsNotATestCardIsRefusedWithAMessage() {
        CheckoutStarted checkout = payments.startCheckout(oneOff(TestContent.unique("real-card"), 500));

        HttpResponse<String> response = pay(new WebSession(port), checkout, "5555 5555 5555 4444");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("no real card can be used");
    }

    @Test
    void everyWrongFieldOfTheCardFormIsSaidAtOnceBesideItsField() {
        CheckoutStarted checkout = payments.startCheckout(oneOff(TestContent.unique("card-form"), 500));
        WebSession reader = new WebSession(port);
        String page = checkout.redirectTo().getPath();

        HttpResponse<String> response =
                reader.submit(page, page, Map.of("cardNumber", "4242 4242 4242 4242", "expiry", "01/20", "cvc", "12"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .as("both mistakes at once, each listed and tied to its field; the card number was right")
                .contains("<a href=\"#expiry\">Enter the expiry date as MM/YY, in the future, such as 12/34.</a>")
                .contains("<a href=\"#cvc\">Enter the security code: three digits, such as 123.</a>")
                .containsPattern("<input[^>]*id=\"expiry\"[^>]*aria-describedby=\"expiry-error\" aria-invalid=\"true\"")
                .containsPattern("<input[^>]*id=\"cvc\"[^>]*aria-describedby=\"cvc-error\" aria-invalid=\"true\"")
                .containsPattern(
                        "<input[^>]*id=\"cardNumber\"[^>]*aria-describedby=\"cards-hint\" aria-invalid=\"false\"")
                .doesNotContain("no real card can be used");
    }

    @Test
    void thePriceIsTheServersWhateverTheBrowserPosts() {
        String reference = TestContent.unique("tampered-price");
        CheckoutStarted checkout = payments.startCheckout(oneOff(reference, 2000));
        WebSession reader = new WebSession(port);
        reader.get(checkout.redirectTo().toString());

        reader.post(
                checkout.redirectTo().toString(),
                Map.of(
                        "cardNumber",
                        SUCCEEDS,
                        "expiry",
                        "12/34",
                        "cvc",
                        "123",
                        "amount",
                        "1",
                        "currency",
                        "USD",
                        "unitAmount",
                        "1",
                        "price",
                        "0.01"));

        assertThat(awaitOne(PaymentSucceeded.class, reference).amount()).isEqualTo(Money.of(2000, "GBP"));
        assertThat(entries(reference).getFirst().amount()).isEqualTo(Money.of(2000, "GBP"));
    }

    @Test
    void anUnknownOrAlteredCheckoutIdIsNotFound() {
        CheckoutStarted checkout = payments.startCheckout(oneOff(TestContent.unique("altered"), 500));
        String path = checkout.redirectTo().toString();
        String altered = path.substring(0, path.length() - 1) + (path.endsWith("0") ? "1" : "0");
        WebSession reader = new WebSession(port);

        assertThat(reader.get(altered).statusCode()).isEqualTo(404);
        assertThat(reader.get("/payments/sandbox/checkout/nothing").statusCode())
                .isEqualTo(404);
        reader.get(path);
        assertThat(reader.post(altered, Map.of("cardNumber", SUCCEEDS, "expiry", "12/34", "cvc", "123"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anEventTheSiteFailedToApplyIsDeliveredAgainAndAppliedOnce() {
        String reference = TestContent.unique("redelivered");
        db.sql(
                        """
                        CREATE FUNCTION fail_once_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN RAISE EXCEPTION 'simulated failure'; END $$""")
                .update();
        db.sql("CREATE TRIGGER fail_once_for_test BEFORE INSERT ON payment_ledger FOR EACH ROW WHEN (NEW.reference = '"
                        + reference + "') EXECUTE FUNCTION fail_once_for_test()")
                .update();
        try {
            pay(new WebSession(port), payments.startCheckout(oneOff(reference, 700)), SUCCEEDS);
            await().atMost(WAIT)
                    .until(() -> db.sql(
                                            """
                                    SELECT count(*) FROM sandbox_event
                                    WHERE payload LIKE :reference AND last_error LIKE 'HTTP 500%'""")
                                    .param("reference", "%" + reference + "%")
                                    .query(Long.class)
                                    .single()
                            > 0);
            assertThat(entries(reference)).isEmpty();
        } finally {
            db.sql("DROP TRIGGER fail_once_for_test ON payment_ledger").update();
            db.sql("DROP FUNCTION fail_once_for_test()").update();
        }

        assertThat(awaitOne(PaymentSucceeded.class, reference).amount()).isEqualTo(Money.of(700, "GBP"));
        assertThat(entries(reference)).hasSize(1);
    }

    @Test
    void aSubscriptionRenewsEachPeriodAndReportsTheRenewal() {
        String reference = TestContent.unique("premium");
        CheckoutStarted checkout = payments.startCheckout(subscription(reference, 499, 0));
        pay(new WebSession(port), checkout, SUCCEEDS);
        PaymentSucceeded first = awaitOne(PaymentSucceeded.class, reference);
        assertThat(first.kind()).isEqualTo(PaymentKind.FIRST);
        SubscriptionChanged started = awaitOne(SubscriptionChanged.class, reference);
        assertThat(started.status()).isEqualTo(SubscriptionStatus.ACTIVE);

        sandbox.renewDue(Instant.now().plus(Duration.ofDays(31)));

        List<PaymentSucceeded> payments = await().atMost(WAIT)
                .until(() -> events.of(PaymentSucceeded.class, reference), list -> list.size() == 2);
        assertThat(payments.get(1).kind()).isEqualTo(PaymentKind.RENEWAL);
        assertThat(payments.get(1).periodEnd()).isAfter(first.periodEnd());
        assertThat(entries(reference)).hasSize(2);
    }

    @Test
    void aFailedRenewalGivesAGracePeriodWithMailThenTheSubscriptionLapses() {
        String reference = TestContent.unique("lapsing");
        String email = TestContent.unique("lapsing") + "@example.com";
        // A real account: tests share one database, and a made-up id would one day be someone's.
        long accountId = accounts.create(true).id();
        CheckoutStarted checkout = payments.startCheckout(new Checkout.Subscription(
                Money.of(499, "GBP"),
                BillingInterval.MONTH,
                0,
                "Premium",
                email,
                accountId,
                reference,
                URI.create("http://localhost:8080/thanks"),
                URI.create("http://localhost:8080/premium")));
        pay(new WebSession(port), checkout, FAILS_ON_RENEWAL);
        assertThat(awaitOne(PaymentSucceeded.class, reference).kind())
                .as("the renewal-failure card pays the first time")
                .isEqualTo(PaymentKind.FIRST);
        Instant start = Instant.now();

        sandbox.renewDue(start.plus(Duration.ofDays(31)));
        PaymentFailed failure = awaitOne(PaymentFailed.class, reference);
        assertThat(failure.renewal()).isTrue();
        assertThat(failure.nextRetry()).isEqualTo(start.plus(Duration.ofDays(34)));
        assertThat(failure.reason()).contains("declined");
        await().atMost(WAIT)
                .until(() -> events.of(SubscriptionChanged.class, reference)
                                .getLast()
                                .status()
                        == SubscriptionStatus.PAST_DUE);

        for (int day : new int[] {35, 39, 43}) {
            sandbox.renewDue(start.plus(Duration.ofDays(day)));
        }

        List<PaymentFailed> failures =
                await().atMost(WAIT).until(() -> events.of(PaymentFailed.class, reference), list -> list.size() == 4);
        assertThat(failures.getLast().nextRetry()).as("the last try").isNull();
        await().atMost(WAIT)
                .until(() -> events.of(SubscriptionChanged.class, reference)
                                .getLast()
                                .status()
                        == SubscriptionStatus.CANCELED);
        assertThat(events.of(SubscriptionChanged.class, reference).getLast().accountId())
                .isEqualTo(accountId);
        await().atMost(WAIT).until(() -> TestMailServer.messagesTo(email).stream()
                .anyMatch(m -> plainText(m).contains("your subscription has ended")));
        assertThat(TestMailServer.messagesTo(email))
                .as("the lapse; each failure is told by the module that started the checkout, which names it")
                .extracting(SandboxPaymentsTest::subject)
                .containsExactly("Your subscription has ended");
        assertThat(entries(reference))
                .extracting(LedgerEntry::status)
                .containsExactly(
                        LedgerEntry.Status.FAILED,
                        LedgerEntry.Status.FAILED,
                        LedgerEntry.Status.FAILED,
                        LedgerEntry.Status.FAILED,
                        LedgerEntry.Status.SUCCEEDED);
    }

    @Test
    void aReaderWhoseRenewalFailedChangesTheCardInThePortalAndTheRetryPays() {
        String reference = TestContent.unique("recovering");
        pay(new WebSession(port), payments.startCheckout(subscription(reference, 499, 0)), FAILS_ON_RENEWAL);
        SubscriptionChanged active = awaitOne(SubscriptionChanged.class, reference);
        Instant renewal = Instant.now().plus(Duration.ofDays(31));
        sandbox.renewDue(renewal);
        awaitOne(PaymentFailed.class, reference);
        URI portal = payments.customerPortal(active.customerId(), URI.create("http://localhost:8080/account"));
        WebSession reader = new WebSession(port);
        reader.get(portal.toString());

        HttpResponse<String> changed = reader.post(portal + "/card", Map.of("cardNumber", SUCCEEDS));
        assertThat(reader.get(portal.toString()).body()).contains("Your card ending 4242 will be used from now on.");
        sandbox.renewDue(renewal);

        List<PaymentSucceeded> paid = await().atMost(WAIT)
                .until(() -> events.of(PaymentSucceeded.class, reference), list -> list.size() == 2);
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(paid.get(1).kind()).isEqualTo(PaymentKind.RENEWAL);
        await().atMost(WAIT)
                .until(() -> events.of(SubscriptionChanged.class, reference)
                                .getLast()
                                .status()
                        == SubscriptionStatus.ACTIVE);
    }

    @Test
    void aTrialStartsWithoutPaymentAndTheFirstPaymentComesAtItsEnd() {
        String reference = TestContent.unique("trial");
        CheckoutStarted checkout = payments.startCheckout(subscription(reference, 499, 14));
        HttpResponse<String> page =
                new WebSession(port).get(checkout.redirectTo().toString());
        assertThat(page.body()).contains("14 days");
        pay(new WebSession(port), checkout, FAILS_ON_RENEWAL);

        SubscriptionChanged trialing = awaitOne(SubscriptionChanged.class, reference);
        assertThat(trialing.status()).isEqualTo(SubscriptionStatus.TRIALING);
        assertThat(events.of(PaymentSucceeded.class, reference)).isEmpty();

        sandbox.renewDue(Instant.now().plus(Duration.ofDays(15)));

        assertThat(awaitOne(PaymentSucceeded.class, reference).kind()).isEqualTo(PaymentKind.FIRST);
    }

    @Test
    void aOneDayTrialIsCalledOneDay() {
        CheckoutStarted checkout = payments.startCheckout(subscription(TestContent.unique("day"), 499, 1));

        HttpResponse<String> page =
                new WebSession(port).get(checkout.redirectTo().toString());

        assertThat(page.body()).contains("1 day, then the amount above").doesNotContain("1 days");
    }

    @Test
    void aReaderCancelsInThePortalAndTheSubscriptionEndsWithItsPeriod() {
        String reference = TestContent.unique("portal");
        pay(new WebSession(port), payments.startCheckout(subscription(reference, 499, 0)), SUCCEEDS);
        SubscriptionChanged active = awaitOne(SubscriptionChanged.class, reference);
        URI portal = payments.customerPortal(active.customerId(), URI.create("http://localhost:8080/account"));
        WebSession reader = new WebSession(port);

        HttpResponse<String> page = reader.get(portal.toString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Card ending").contains("4242").contains("£4.99");
        HttpResponse<String> canceled =
                reader.post(portal + "/subscriptions/" + active.subscriptionId() + "/cancel", Map.of());

        assertThat(canceled.statusCode()).isEqualTo(302);
        await().atMost(WAIT).until(() -> events.of(SubscriptionChanged.class, reference)
                .getLast()
                .cancelAtPeriodEnd());
        payments.resume(active.subscriptionId());
        await().atMost(WAIT).until(() -> !events.of(SubscriptionChanged.class, reference)
                .getLast()
                .cancelAtPeriodEnd());
        payments.cancelAtPeriodEnd(active.subscriptionId());
        await().atMost(WAIT).until(() -> events.of(SubscriptionChanged.class, reference)
                .getLast()
                .cancelAtPeriodEnd());

        sandbox.renewDue(Instant.now().plus(Duration.ofDays(31)));

        await().atMost(WAIT)
                .until(() -> events.of(SubscriptionChanged.class, reference)
                                .getLast()
                                .status()
                        == SubscriptionStatus.CANCELED);
        assertThat(events.of(PaymentSucceeded.class, reference)).hasSize(1);
        assertThat(reader.get("/payments/sandbox/portal/sbx_bps_nothing").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPriceChangeAppliesFromTheNextRenewal() {
        String reference = TestContent.unique("reprice");
        pay(new WebSession(port), payments.startCheckout(subscription(reference, 499, 0)), SUCCEEDS);
        SubscriptionChanged active = awaitOne(SubscriptionChanged.class, reference);

        payments.changePrice(active.subscriptionId(), Money.of(5000, "GBP"), BillingInterval.YEAR);
        await().atMost(WAIT)
                .until(() -> events.of(SubscriptionChanged.class, reference)
                                .getLast()
                                .interval()
                        == BillingInterval.YEAR);
        sandbox.renewDue(Instant.now().plus(Duration.ofDays(31)));

        List<PaymentSucceeded> paid = await().atMost(WAIT)
                .until(() -> events.of(PaymentSucceeded.class, reference), list -> list.size() == 2);
        assertThat(paid.get(1).amount()).isEqualTo(Money.of(5000, "GBP"));
    }

    static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part of a mail, decoded. */
    static String plainText(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = plainText(multipart.getBodyPart(i));
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> pay(WebSession reader, CheckoutStarted checkout, String card) {
        String path = checkout.redirectTo().toString();
        return reader.submit(path, path, Map.of("cardNumber", card, "expiry", "12/34", "cvc", "123"));
    }

    private <T> T awaitOne(Class<T> type, String reference) {
        return await().atMost(WAIT)
                .until(() -> events.of(type, reference), list -> !list.isEmpty())
                .getFirst();
    }

    private List<LedgerEntry> entries(String reference) {
        return ledger.search(new Ledger.Search(null, reference, null, null), null, 50);
    }

    static Checkout.OneOff oneOff(String reference, long pence) {
        return new Checkout.OneOff(
                Money.of(pence, "GBP"),
                "A contribution",
                reference + "@example.com",
                null,
                reference,
                URI.create("http://localhost:8080/thanks?kind=one-off"),
                URI.create("http://localhost:8080/support"));
    }

    static Checkout.Subscription subscription(String reference, long pence, int trialDays) {
        return new Checkout.Subscription(
                Money.of(pence, "GBP"),
                BillingInterval.MONTH,
                trialDays,
                "Premium",
                reference + "@example.com",
                null,
                reference,
                URI.create("http://localhost:8080/thanks"),
                URI.create("http://localhost:8080/premium"));
    }
}
