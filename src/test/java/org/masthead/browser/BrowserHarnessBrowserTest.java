package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Discussion;
import org.masthead.newsroom.TestContent;
import org.masthead.site.ArticleAddresses;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** The harness that every journey relies on does what it promises. */
@BrowserJourney
class BrowserHarnessBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    Discussion comments;

    @Autowired
    ArticleAddresses addresses;

    @Test
    void aPageIsCheckedOnceItsScriptsHaveLoadedTheConversation(Browser browser) {
        long article = content.article(content.section("Harness")).published();
        long comment = comments.post(accounts.create(true).id(), article, "Checked as readers see it.", null);
        // The conversation arrives well after the page, as on a slow connection; the page notes whether
        // axe had been run on it by then. (Chromium puts axe in every page before this script runs.)
        ((ChromeDriver) browser.driver())
                .executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument",
                        Map.of(
                                "source",
                                """
                                const runAxe = window.axe.run;
                                window.axe.run = function (...args) {
                                  window.axeRan = true;
                                  return runAxe.apply(this, args);
                                };
                                const fetchNow = window.fetch;
                                window.fetch = (url, options) => String(url).includes("/thread")
                                  ? new Promise(resolve => setTimeout(() => {
                                      window.checkedBeforeTheConversation = window.axeRan === true;
                                      resolve();
                                    }, 15000)).then(() => fetchNow(url, options))
                                  : fetchNow(url, options);
                                """));

        browser.open(addresses.pathOf(article).orElseThrow());

        assertThat(browser.script("return window.checkedBeforeTheConversation"))
                .as("axe ran before the conversation had come")
                .isEqualTo(false);
        assertThat(browser.script("return window.axeRan")).as("axe ran").isEqualTo(true);
        assertThat(browser.findAll(By.id("comment-" + comment))).hasSize(1);
    }

    @Test
    void accessibilityCheckFindsAccessibleNamesThatLeaveOutTheVisibleWords(Browser browser) {
        browser.open("/");
        browser.script("document.querySelector('main').insertAdjacentHTML('beforeend',"
                + " '<a href=\"/\" aria-label=\"Home page\">Front</a>')");

        assertThatThrownBy(browser::checkAccessibility)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("label-content-name-mismatch");
    }

    @Test
    void accessibilityCheckFailsListingEachViolationAndWhereItIs(Browser browser) {
        browser.open("/");
        browser.script("document.querySelector('main').insertAdjacentHTML('beforeend',"
                + " '<img src=\"/img/favicon.svg\" class=\"unlabelled\">')");

        assertThatThrownBy(browser::checkAccessibility)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt")
                .hasMessageContaining("Images must have alternative text")
                .hasMessageContaining("<img src=\"/img/favicon.svg\"");
    }

    @Test
    void screenshotsShowTheDesktopAndPhoneViewportsAndLeaveTheWindowAsItWas(Browser browser) throws IOException {
        browser.open("/");

        browser.screenshot("harness");

        assertThat(size(ImageIO.read(
                        Browser.SCREENSHOTS.resolve("harness-desktop.png").toFile())))
                .isEqualTo("1280x900");
        assertThat(size(ImageIO.read(
                        Browser.SCREENSHOTS.resolve("harness-phone.png").toFile())))
                .isEqualTo("390x844");
        assertThat(browser.viewport()).isEqualTo(Browser.DESKTOP);
    }

    @Test
    void twoBrowsersAreTwoReadersWhoShareNothing(Browser alice, Browser bob) {
        alice.open("/");
        bob.open("/");

        alice.driver().manage().addCookie(new Cookie("reader", "alice"));

        assertThat(alice.driver().manage().getCookieNamed("reader").getValue()).isEqualTo("alice");
        assertThat(bob.driver().manage().getCookieNamed("reader")).isNull();
    }

    private static String size(BufferedImage image) {
        return image.getWidth() + "x" + image.getHeight();
    }
}
