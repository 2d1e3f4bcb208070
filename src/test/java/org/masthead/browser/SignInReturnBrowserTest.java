package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.TestContent;
import org.masthead.site.ArticleAddresses;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A reader who signs in from a page is brought back to it, to the very place they left. */
@BrowserJourney
class SignInReturnBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    ArticleAddresses addresses;

    @Test
    void aReaderSignsInFromAnArticlesCommentsAndIsBackAtThem(Browser browser) {
        long article = content.article(content.section("Homecoming")).published();
        String story = addresses.pathOf(article).orElseThrow();
        TestAccounts.Credentials reader = accounts.create(true);

        browser.open(story);
        WebElement signIn = waitFor(browser, d -> d.findElement(By.cssSelector("#comments a[href^='/signin']")));
        browser.follow(signIn);
        assertThat(browser.heading()).isEqualTo("Sign in");
        browser.find(By.id("email")).sendKeys(reader.email());
        browser.find(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        browser.follow(By.cssSelector("main form button[type=submit]"));

        assertThat(browser.path()).isEqualTo(story);
        assertThat(browser.driver().getCurrentUrl()).endsWith("#comments");
        // The comment box replaces the invitation to sign in once the page knows who is reading.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> d.findElement(By.id("comment-text-new")));
        // The accessibility check on arrival scrolls the page as it looks; show where the address points.
        browser.script("document.getElementById('comments').scrollIntoView()");
        browser.screenshot("signed-in-back-at-comments");
    }

    @Test
    void theHeadersSignInRegisterAndSignOutAllKeepThePageItWasOn(Browser browser) {
        var trip = content.section("Return Trip");
        content.article(trip).published();
        String section = "/" + trip.path();
        TestAccounts.Credentials reader = accounts.create(true);

        browser.open(section);
        WebElement signIn =
                waitFor(browser, d -> d.findElement(By.cssSelector("[data-account] a[href^='/signin?return=']")));
        assertThat(browser.find(By.cssSelector("[data-account] a[href^='/register']"))
                        .getAttribute("href"))
                .as("registering from the header comes back here too")
                .endsWith("/register?return=" + section.replace("/", "%2F"));
        browser.follow(signIn);
        browser.find(By.id("email")).sendKeys(reader.email());
        browser.find(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        browser.follow(By.cssSelector("main form button[type=submit]"));

        assertThat(browser.path()).isEqualTo(section);
        WebElement signOut = waitFor(browser, d -> d.findElement(By.cssSelector(".masthead__signout button")));
        signOut.click();
        // The same address again: signed out, the header offers to sign in once more.
        waitFor(browser, d -> d.findElement(By.cssSelector("[data-account] a[href^='/signin?return=']")));
        assertThat(browser.path())
                .as("signing out from a public page stays on it")
                .isEqualTo(section);
    }

    private static <T> T waitFor(Browser browser, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }
}
