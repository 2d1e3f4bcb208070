package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.TestAccounts;
import org.masthead.membership.Membership;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.TestPayments;
import org.masthead.site.ArticleAddresses;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reader picks a currency, subscribes to Premium through the sandbox checkout, waits on the thank-you
 * page until the provider confirms, saves two articles, finds them in the reading list, cancels after
 * being told what that means, and keeps Premium until the period paid for ends.
 */
@BrowserJourney
class PremiumBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    ArticleAddresses addresses;

    @Autowired
    Membership membership;

    @Autowired
    TestPayments payments;

    @AfterEach
    void resetClock() {
        payments.resetSandboxClock();
    }

    @Test
    void aReaderSubscribesSavesTwoArticlesCancelsAndKeepsPremiumUntilThePeriodEnds(Browser browser) {
        Section section = content.section(TestContent.unique("Premium"));
        long first = content.article(section)
                .slug(TestContent.unique("night-trains"))
                .headline("Night trains return to the valley")
                .published();
        long second = content.article(section)
                .slug(TestContent.unique("harbour"))
                .headline("Harbour city limits holiday lets")
                .published();
        TestAccounts.Credentials reader = accounts.create(true);
        String story = addresses.pathOf(first).orElseThrow();
        browser.open(story);
        waitFor(browser, d -> d.findElement(By.cssSelector("[data-save-button]")))
                .click();
        WebElement signIn = waitFor(browser, d -> textOf(d, "[data-save-message]"));
        assertThat(signIn.getText())
                .as("a visitor, who may be a signed-out member, is asked to sign in, not to subscribe")
                .isEqualTo("Sign in to save this article to your reading list.");
        assertThat(signIn.findElement(By.tagName("a")).getAttribute("href"))
                .endsWith("/signin?return=" + story.replace("/", "%2F"));
        browser.signIn(reader);

        browser.open(story);
        waitFor(browser, d -> d.findElement(By.cssSelector("[data-save-button]")))
                .click();
        WebElement explained = waitFor(browser, d -> textOf(d, "[data-save-message]"));
        assertThat(explained.getText()).isEqualTo("Subscribe to Premium to save this article to your reading list.");
        browser.screenshot("premium-save-before-subscribing");

        browser.follow(explained.findElement(By.tagName("a")));
        // The site's home currency comes first, whatever language the browser speaks.
        assertThat(browser.find(By.cssSelector("[data-currency-switch] a[aria-current]"))
                        .getText())
                .isEqualTo("£ GBP");
        assertThat(priceOfMonthly(browser)).isEqualTo("£5.00 a month");
        browser.follow(By.cssSelector("[data-currency-switch] a[data-currency=EUR]"));
        assertThat(priceOfMonthly(browser)).isEqualTo("€5.00 a month");
        browser.screenshot("premium-plans-euros");
        browser.open("/premium");
        assertThat(priceOfMonthly(browser)).as("the choice is remembered").isEqualTo("€5.00 a month");
        browser.follow(By.cssSelector("[data-currency-switch] a[data-currency=GBP]"));
        assertThat(priceOfMonthly(browser)).isEqualTo("£5.00 a month");
        browser.screenshot("premium-plans");
        browser.follow(By.cssSelector("[data-plan=MONTH] button[type=submit]"));
        assertThat(browser.heading()).isEqualTo("Start your subscription");
        browser.find(By.id("cardNumber")).sendKeys("4242 4242 4242 4242");
        browser.find(By.id("expiry")).sendKeys("12/34");
        browser.find(By.id("cvc")).sendKeys("123");
        // The provider confirms by webhook; held back, the thank-you page has to wait for it.
        payments.holdEvents();
        try {
            browser.follow(By.cssSelector("main form button[type=submit]"));
            assertThat(browser.path()).startsWith("/premium/thanks");
            assertThat(browser.find(By.cssSelector("[data-premium-pending]")).getText())
                    .contains("this page changes as soon as it is done");
            assertThat(browser.find(By.cssSelector("[data-premium-active]")).isDisplayed())
                    .isFalse();
            browser.screenshot("premium-thanks-waiting");
            browser.script("window.notReloaded = true;");
        } finally {
            payments.releaseEvents();
        }
        waitFor(
                browser,
                d -> d.findElement(By.cssSelector("[data-premium-active]")).isDisplayed() ? true : null);
        assertThat(browser.find(By.cssSelector("[data-premium-active]")).getText())
                .contains("Your Premium membership is active");
        assertThat(browser.script("return window.notReloaded === true;"))
                .as("the page changed by itself, without a reload")
                .isEqualTo(true);
        assertThat(browser.find(By.cssSelector("[data-premium-pending]")).isDisplayed())
                .isFalse();
        browser.checkAccessibility();
        browser.screenshot("premium-thanks");
        assertThat(membership.isPremium(reader.id())).isTrue();

        for (long article : new long[] {first, second}) {
            browser.open(addresses.pathOf(article).orElseThrow());
            waitFor(browser, d -> d.findElement(By.cssSelector("[data-save-button]")))
                    .click();
            waitFor(
                    browser,
                    d -> "Saved"
                                    .equals(d.findElement(By.cssSelector("[data-save-button]"))
                                            .getText())
                            ? true
                            : null);
        }
        browser.screenshot("premium-article-saved");
        assertThat(browser.find(By.cssSelector("[data-ask-slot]")).isDisplayed())
                .as("no ask for a Premium member")
                .isFalse();

        browser.open("/reading-list");
        assertThat(browser.find(By.cssSelector("[data-reading-list]")).getText())
                .contains("Night trains return to the valley")
                .contains("Harbour city limits holiday lets");
        browser.screenshot("premium-reading-list");

        browser.open("/account/membership");
        assertThat(browser.find(By.cssSelector("[data-next-billing]")).getText())
                .startsWith("Next payment on");
        browser.follow(By.cssSelector("[data-cancel-premium]"));
        assertThat(browser.heading()).isEqualTo("Cancel Premium?");
        WebElement until = browser.find(By.cssSelector("[data-cancel-until]"));
        String lastDay = until.findElement(By.tagName("time")).getText();
        assertThat(until.getText())
                .isEqualTo("Premium stays until the end of the period you have paid for, " + lastDay
                        + ". No more payments will be taken.");
        browser.screenshot("premium-cancel-confirm");
        browser.follow(By.cssSelector("[data-confirm-cancel]"));
        assertThat(browser.path()).isEqualTo("/account/membership");
        assertThat(browser.find(By.cssSelector("[data-ends]")).getText())
                .isEqualTo("Premium will not renew: it ends on " + lastDay + ". No more payments will be taken.");
        assertThat(browser.findAll(By.cssSelector("[data-next-billing]"))).isEmpty();
        assertThat(browser.findAll(By.cssSelector("[data-cancel-premium]"))).isEmpty();
        assertThat(browser.find(By.xpath("//button[text()='Resume Premium']")).isDisplayed())
                .isTrue();
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContainIgnoringCase("canceled");
        browser.screenshot("premium-cancelled");
        // Once the provider's event has come back, the page says the same on any later visit.
        await().atMost(WAIT).until(() -> {
            browser.open("/account/membership");
            return !browser.driver().findElements(By.cssSelector("[data-ends]")).isEmpty();
        });
        assertThat(browser.findAll(By.cssSelector("[data-next-billing]"))).isEmpty();
        assertThat(membership.isPremium(reader.id()))
                .as("Premium lasts to the period's end")
                .isTrue();
        browser.open("/reading-list");
        assertThat(browser.find(By.cssSelector("[data-reading-list]")).getText())
                .contains("Night trains return to the valley");

        payments.renewDue(Instant.now().plus(Duration.ofDays(31)));
        await().atMost(WAIT).until(() -> !membership.isPremium(reader.id()));
        browser.open("/reading-list");
        assertThat(browser.find(By.cssSelector("[data-kept]")).getText())
                .contains("We are keeping the 2 articles you saved");
        browser.screenshot("premium-lapsed");
    }

    private static String priceOfMonthly(Browser browser) {
        return browser.find(By.cssSelector("[data-plan=MONTH] [data-price]")).getText();
    }

    private static WebElement textOf(WebDriver driver, String selector) {
        WebElement element = driver.findElement(By.cssSelector(selector));
        return element.getText().isBlank() ? null : element;
    }

    private static <T> T waitFor(Browser browser, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }
}
