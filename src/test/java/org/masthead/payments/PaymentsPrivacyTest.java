package org.masthead.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.internal.Ledger;
import org.masthead.payments.internal.LedgerEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader's payments are in their data export; deleting the account takes their name off the ledger. */
@MastheadTest
class PaymentsPrivacyTest {

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    Ledger ledger;

    @Autowired
    TestAccounts accounts;

    @Autowired
    RecordedPaymentEvents events;

    @Test
    void paymentsAreExportedAndLoseTheirOwnerWhenTheAccountIsDeleted() {
        TestAccounts.Credentials account = accounts.create(true);
        String reference = TestContent.unique("privacy");
        CheckoutStarted checkout = payments.startCheckout(new Checkout.OneOff(
                Money.of(1250, "GBP"),
                "A contribution",
                account.email(),
                account.id(),
                reference,
                URI.create("http://localhost:8080/thanks"),
                URI.create("http://localhost:8080/support")));
        String path = checkout.redirectTo().toString();
        new WebSession(port)
                .submit(path, path, Map.of("cardNumber", "4242424242424242", "expiry", "12/34", "cvc", "123"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !events.of(PaymentSucceeded.class, reference).isEmpty());
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);

        String export = reader.get("/account/export").body();

        assertThat(export).contains("\"payments\"").contains(reference).contains("12.50");

        reader.submit("/account/delete", "/account/delete", Map.of("password", TestAccounts.PASSWORD));

        LedgerEntry kept = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> ledger.search(new Ledger.Search(null, reference, null, null), null, 1)
                                .getFirst(),
                        entry -> entry.accountId() == null);
        assertThat(kept.email()).isEmpty();
        assertThat(kept.amount()).isEqualTo(Money.of(1250, "GBP"));
    }

    @Test
    void aSubscriptionStopsRenewingWhenItsReadersAccountIsDeleted() {
        TestAccounts.Credentials account = accounts.create(true);
        String reference = TestContent.unique("gone");
        CheckoutStarted checkout = payments.startCheckout(new Checkout.Subscription(
                Money.of(500, "GBP"),
                BillingInterval.MONTH,
                0,
                "A monthly contribution",
                account.email(),
                account.id(),
                reference,
                URI.create("http://localhost:8080/thanks"),
                URI.create("http://localhost:8080/support")));
        String path = checkout.redirectTo().toString();
        new WebSession(port)
                .submit(path, path, Map.of("cardNumber", "4242424242424242", "expiry", "12/34", "cvc", "123"));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.of(SubscriptionChanged.class, reference).stream()
                .anyMatch(changed -> changed.status() == SubscriptionStatus.ACTIVE));
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);

        reader.submit("/account/delete", "/account/delete", Map.of("password", TestAccounts.PASSWORD));

        // The provider says so: it renews no more, and ends with the month paid for.
        SubscriptionChanged last = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> events.of(SubscriptionChanged.class, reference).getLast(),
                        SubscriptionChanged::cancelAtPeriodEnd);
        assertThat(last.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }
}
