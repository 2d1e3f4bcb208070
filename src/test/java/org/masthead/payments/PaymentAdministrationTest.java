package org.masthead.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.internal.Ledger;
import org.masthead.payments.internal.LedgerEntry;
import org.masthead.payments.internal.sandbox.TestSandbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Admins find payments in the ledger and refund them, in part or whole, each refund audited. */
@MastheadTest
class PaymentAdministrationTest {

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
    TestAccounts accounts;

    @Autowired
    JdbcClient db;

    @Autowired
    TestSandbox sandbox;

    WebSession admin;
    TestAccounts.Credentials adminAccount;

    @BeforeEach
    void signInAsAdmin() {
        admin = new WebSession(port);
        adminAccount = accounts.create(true, Role.ADMIN);
        TestAccounts.signInWithBothFactors(admin, adminAccount);
    }

    @Test
    void adminsFindPaymentsByAddressReferenceAndDate() {
        String reference = paidOneOff(1500);
        String email = reference + "@example.com";
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();

        HttpResponse<String> byEmail = admin.get("/admin/payments?email=" + email.toUpperCase());
        HttpResponse<String> byReference = admin.get("/admin/payments?reference=" + reference);
        HttpResponse<String> byDate =
                admin.get("/admin/payments?reference=" + reference + "&from=" + today + "&until=" + today);
        HttpResponse<String> before = admin.get("/admin/payments?reference=" + reference + "&until=2020-01-01");
        HttpResponse<String> badDate = admin.get("/admin/payments?reference=" + reference + "&from=yesterday");

        assertThat(byEmail.body()).contains(reference).contains("£15.00");
        assertThat(byReference.body()).contains(email);
        assertThat(byDate.body()).contains(email);
        assertThat(before.body()).doesNotContain(email).contains("No payments found.");
        assertThat(badDate.statusCode()).isEqualTo(200);
        assertThat(badDate.body()).contains("From must be a date").contains(email);
    }

    @Test
    void theLedgerIsPagedNewestFirstWithoutRepeatsOrGaps() {
        String email = TestContent.unique("pages") + "@example.com";
        for (int i = 0; i < 3; i++) {
            db.sql(
                            """
                            INSERT INTO payment_ledger (provider, entry, charge_id, payment_kind, status, amount_minor, currency,
                                reference, email, occurred_at)
                            VALUES ('sandbox', 'CHARGE', :charge, 'ONE_OFF', 'SUCCEEDED', 100, 'GBP', 'paging', :email,
                                now() - :i * interval '1 minute')""")
                    .param("charge", TestContent.unique("sbx_ch_page"))
                    .param("email", email)
                    .param("i", i)
                    .update();
        }

        var first = ledger.search(new Ledger.Search(email, null, null, null), null, 2);
        var second = ledger.search(
                new Ledger.Search(email, null, null, null),
                new Ledger.Cursor(first.getLast().occurredAt(), first.getLast().id()),
                2);

        assertThat(first).hasSize(2);
        assertThat(second).hasSize(1);
        assertThat(first.get(0).occurredAt()).isAfter(first.get(1).occurredAt());
        assertThat(second.getFirst().occurredAt()).isBefore(first.get(1).occurredAt());
    }

    @Test
    void anAdminRefundsPartThenTheRestAndTheLedgerFollowsTheProvider() {
        String reference = paidOneOff(2000);
        LedgerEntry charge = charge(reference);
        String page = "/admin/payments/" + charge.id();

        HttpResponse<String> part =
                admin.submit(page, page + "/refund", Map.of("amount", "5.50", "reason", "Asked for part back"));
        assertThat(part.statusCode()).isEqualTo(302);
        assertThat(admin.get(page).body()).contains("A refund of £5.50 was asked");
        ChargeRefunded partial = await().atMost(WAIT)
                .until(() -> events.of(ChargeRefunded.class, reference), list -> !list.isEmpty())
                .getFirst();
        assertThat(partial.refunded()).isEqualTo(Money.of(550, "GBP"));
        assertThat(partial.fully()).isFalse();

        admin.submit(page, page + "/refund", Map.of("amount", "", "reason", "The rest"));
        await().atMost(WAIT)
                .until(() -> events.of(ChargeRefunded.class, reference).size() == 2);

        LedgerEntry refunded = ledger.charge("sandbox", charge.chargeId()).orElseThrow();
        assertThat(refunded.status()).isEqualTo(LedgerEntry.Status.REFUNDED);
        assertThat(refunded.refunded()).isEqualTo(Money.of(2000, "GBP"));
        assertThat(ledger.history("sandbox", charge.chargeId()))
                .extracting(LedgerEntry::entry, LedgerEntry::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LedgerEntry.Entry.CHARGE, Money.of(2000, "GBP")),
                        org.assertj.core.groups.Tuple.tuple(LedgerEntry.Entry.REFUND, Money.of(550, "GBP")),
                        org.assertj.core.groups.Tuple.tuple(LedgerEntry.Entry.REFUND, Money.of(1450, "GBP")));
        String audited = admin.get(page).body();
        assertThat(audited)
                .as("the audit log names the person and says in words what they did")
                .contains(">" + adminAccount.displayName() + "</a>")
                .contains("<td data-audit-what>Asked for a refund</td>")
                .doesNotContain("REFUND_REQUESTED")
                .doesNotContain(">Account " + adminAccount.id() + "<")
                .contains("Asked for part back")
                .contains("The rest");
        assertThat(audited).doesNotContain("<button type=\"submit\" class=\"button\">Refund</button>");
    }

    @Test
    void refundsOfTooMuchOrOfMalformedAmountsAreRefusedWithAMessage() {
        String reference = paidOneOff(1000);
        LedgerEntry charge = charge(reference);
        String page = "/admin/payments/" + charge.id();

        for (String amount : new String[] {"10.01", "0", "-1", "abc", "1.234"}) {
            admin.submit(page, page + "/refund", Map.of("amount", amount, "reason", "test"));
            assertThat(admin.get(page).body()).as(amount).contains("There is a problem");
        }

        assertThat(ledger.charge("sandbox", charge.chargeId()).orElseThrow().refunded())
                .isEqualTo(Money.zero(charge.amount().currency()));
        assertThat(events.of(ChargeRefunded.class, reference)).isEmpty();
    }

    @Test
    void anAdminMovesTheSandboxClockOnAndWhatFallsDueHappensAtOnce() {
        String reference = TestContent.unique("admin-clock");
        CheckoutStarted checkout = payments.startCheckout(new Checkout.Subscription(
                Money.of(499, "GBP"),
                BillingInterval.MONTH,
                0,
                "Premium",
                reference + "@example.com",
                null,
                reference,
                URI.create("http://localhost:8080/thanks"),
                URI.create("http://localhost:8080/premium")));
        String path = checkout.redirectTo().toString();
        new WebSession(port)
                .submit(path, path, Map.of("cardNumber", "4242424242424242", "expiry", "12/34", "cvc", "123"));
        await().atMost(WAIT)
                .until(() -> !events.of(PaymentSucceeded.class, reference).isEmpty());
        try {
            HttpResponse<String> moved =
                    admin.submit("/admin/payments", "/admin/payments/sandbox-clock", Map.of("days", "31"));

            assertThat(moved.statusCode()).isEqualTo(302);
            String page = admin.get("/admin/payments").body();
            assertThat(page)
                    .contains("The sandbox&#39;s clock moved on 31 days")
                    .contains("31 days</strong>");
            PaymentSucceeded renewal = await().atMost(WAIT)
                    .until(() -> events.of(PaymentSucceeded.class, reference), list -> list.size() == 2)
                    .get(1);
            assertThat(renewal.kind()).isEqualTo(PaymentKind.RENEWAL);

            admin.submit("/admin/payments", "/admin/payments/sandbox-clock", Map.of("days", "0"));
            assertThat(admin.get("/admin/payments").body()).contains("Move the clock on by 1 to 400 days.");
            assertThat(admin.submit("/admin/payments", "/admin/payments/sandbox-clock", Map.of("days", "soon"))
                            .statusCode())
                    .isEqualTo(400);
        } finally {
            sandbox.resetClock();
        }
    }

    @Test
    void aRefundPostedWithoutACsrfTokenIsRefused() {
        String reference = paidOneOff(1000);
        LedgerEntry charge = charge(reference);

        HttpResponse<String> response =
                admin.postRaw("/admin/payments/" + charge.id() + "/refund", Map.of("amount", "1.00"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    private String paidOneOff(long pence) {
        String reference = TestContent.unique("admin-pay");
        CheckoutStarted checkout = payments.startCheckout(new Checkout.OneOff(
                Money.of(pence, "GBP"),
                "A contribution",
                reference + "@example.com",
                null,
                reference,
                URI.create("http://localhost:8080/thanks"),
                URI.create("http://localhost:8080/support")));
        String path = checkout.redirectTo().toString();
        new WebSession(port)
                .submit(path, path, Map.of("cardNumber", "4242424242424242", "expiry", "12/34", "cvc", "123"));
        await().atMost(WAIT)
                .until(() -> !events.of(PaymentSucceeded.class, reference).isEmpty());
        return reference;
    }

    private LedgerEntry charge(String reference) {
        return ledger.search(new Ledger.Search(null, reference, null, null), null, 10)
                .getFirst();
    }
}
