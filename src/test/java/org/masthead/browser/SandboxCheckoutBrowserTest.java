package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.Checkout;
import org.masthead.payments.CheckoutStarted;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentSucceeded;
import org.masthead.payments.Payments;
import org.masthead.payments.RecordedPaymentEvents;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader pays on the sandbox's checkout page: the declined card is refused with a reason, the good one pays. */
@BrowserJourney
class SandboxCheckoutBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    RecordedPaymentEvents events;

    @Test
    void aReaderIsToldTheirCardWasDeclinedThenPaysWithAnotherAndComesBack(Browser browser) {
        String reference = TestContent.unique("browser-contribution");
        CheckoutStarted checkout = payments.startCheckout(new Checkout.OneOff(
                Money.of(1500, "GBP"),
                "A contribution to the newsroom",
                reference + "@example.com",
                null,
                reference,
                URI.create("http://localhost:" + port + "/"),
                URI.create("http://localhost:" + port + "/")));

        browser.open(checkout.redirectTo().toString());
        assertThat(browser.heading()).isEqualTo("Make your payment");
        assertThat(browser.find(By.cssSelector("[data-checkout-amount]")).getText())
                .contains("£15.00");
        browser.screenshot("sandbox-checkout");

        fillIn(browser, "4000 0000 0000 0002");
        browser.submitAndReturn(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.cssSelector("[data-checkout-error]")).getText())
                .isEqualTo("Your card was declined. No money was taken. Please try another card.");
        browser.screenshot("sandbox-checkout-declined");

        fillIn(browser, "4242 4242 4242 4242");
        browser.follow(By.cssSelector("main form button[type=submit]"));

        assertThat(browser.path()).isEqualTo("/?checkout=" + checkout.checkoutId());
        PaymentSucceeded paid = await().atMost(Duration.ofSeconds(20))
                .until(() -> events.of(PaymentSucceeded.class, reference), list -> !list.isEmpty())
                .getFirst();
        assertThat(paid.amount()).isEqualTo(Money.of(1500, "GBP"));
    }

    private static void fillIn(Browser browser, String cardNumber) {
        WebElement number = browser.find(By.id("cardNumber"));
        number.clear();
        number.sendKeys(cardNumber);
        WebElement expiry = browser.find(By.id("expiry"));
        expiry.clear();
        expiry.sendKeys("12/34");
        WebElement cvc = browser.find(By.id("cvc"));
        cvc.clear();
        cvc.sendKeys("123");
    }
}
