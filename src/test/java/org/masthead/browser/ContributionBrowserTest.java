package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.masthead.TestMailServer;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.TestContent;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

/**
 * Giving through the support page and the sandbox checkout: a guest gives once and gets the receipt
 * by mail (to the test run's SMTP server); a reader whose card is declined is told why, and nothing is
 * taken.
 */
@BrowserJourney
// Naming initializers here replaces the journey's own, so its SiteAddress is named again.
@ContextConfiguration(initializers = {SiteAddress.class, TestMailServer.class})
class ContributionBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Test
    void aGuestGivesOnceWithTheSucceedingCardAndGetsTheReceipt(Browser browser) throws MessagingException {
        String email = TestContent.unique("browser-guest") + "@example.com";
        browser.open("/support");
        assertThat(browser.find(By.cssSelector("[data-currency-switch] a[aria-current]"))
                        .getText())
                .as("the site's home currency, whatever language the browser speaks")
                .isEqualTo("£ GBP");
        browser.screenshot("support-currency");
        browser.find(By.id("frequency-ONE_OFF")).click();
        // A reader who types an amount of their own and then ticks a preset is left no stale amount.
        browser.find(By.id("customAmount")).sendKeys("12,50");
        browser.find(By.id("amount-2000")).click();
        assertThat(browser.find(By.id("customAmount")).getAttribute("value"))
                .as("ticking £20.00 empties “Your amount”")
                .isEmpty();
        browser.find(By.id("amount-other")).click();
        browser.find(By.id("customAmount")).sendKeys("15");
        browser.find(By.id("email")).sendKeys(email);
        browser.screenshot("support-form");
        browser.follow(By.xpath("//button[text()='Continue to payment']"));

        assertThat(browser.find(By.cssSelector("[data-checkout-amount]")).getText())
                .contains("£15.00");
        fillIn(browser, "4242 4242 4242 4242");
        browser.follow(By.cssSelector("main form button[type=submit]"));

        assertThat(browser.path()).startsWith("/support/thanks");
        assertThat(browser.heading()).isEqualTo("Thank you for your support");
        browser.screenshot("support-thanks");
        MimeMessage receipt = TestMailServer.awaitMessageTo(email);
        assertThat(receipt.getSubject()).isEqualTo("Thank you for your contribution");
    }

    @Test
    void aReaderGivesOnceAndTheirMembershipPageSaysWhenTheyGaveIt(Browser browser) {
        TestAccounts.Credentials reader = accounts.create(true);
        browser.signIn(reader);
        browser.open("/support");
        browser.find(By.id("frequency-ONE_OFF")).click();
        // Typing an amount of one's own ticks "Another amount": the reader gives what they typed.
        browser.find(By.id("customAmount")).sendKeys("15");
        assertThat(browser.find(By.id("amount-other")).isSelected()).isTrue();
        browser.follow(By.xpath("//button[text()='Continue to payment']"));
        assertThat(browser.find(By.cssSelector("[data-checkout-amount]")).getText())
                .contains("£15.00");
        fillIn(browser, "4242 4242 4242 4242");
        browser.follow(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.path()).startsWith("/support/thanks");

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.open("/account/membership");
            return !browser.findAll(By.cssSelector("[data-contribution] [data-contribution-said]"))
                    .isEmpty();
        });
        String said = browser.find(By.cssSelector("[data-contribution] [data-contribution-said]"))
                .getText();
        assertThat(said)
                .matches("£15\\.00 given on \\d{1,2} [A-Z][a-z]+ \\d{4}")
                .doesNotContain("since");
        browser.screenshot("membership-one-off-given");
    }

    @Test
    void aReaderWhoseCardIsDeclinedIsToldWhyAndNothingIsTaken(Browser browser) {
        TestAccounts.Credentials reader = accounts.create(true);
        browser.signIn(reader);

        browser.open("/support?currency=GBP");
        browser.find(By.id("frequency-MONTH")).click();
        browser.follow(By.xpath("//button[text()='Continue to payment']"));
        fillIn(browser, "4000 0000 0000 0002");
        browser.submitAndReturn(By.cssSelector("main form button[type=submit]"));

        assertThat(browser.find(By.cssSelector("[data-checkout-error]")).getText())
                .isEqualTo("Your card was declined. No money was taken. Please try another card.");
        browser.screenshot("support-declined");
        browser.open("/account/membership");
        assertThat(browser.find(By.cssSelector("[data-contributions]")).getText())
                .contains("No contributions yet");
    }

    private static void fillIn(Browser browser, String cardNumber) {
        for (String[] field : new String[][] {{"cardNumber", cardNumber}, {"expiry", "12/34"}, {"cvc", "123"}}) {
            WebElement input = browser.find(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
    }
}
