package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/** The harness that every journey relies on does what it promises. */
@BrowserJourney
class BrowserHarnessBrowserTest {

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
