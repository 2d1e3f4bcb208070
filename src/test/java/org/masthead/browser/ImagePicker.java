package org.masthead.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The article editor's image picker, as a journalist uses it: the toolbar's Image button, a search, a choice. */
final class ImagePicker {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private ImagePicker() {}

    /** Puts the library's image with this alt text into the body at the cursor, found by searching for a word. */
    static void insert(Browser browser, String searchFor, String altText) {
        browser.find(By.xpath("//div[@data-toolbar]/button[normalize-space()='Image']"))
                .click();
        browser.find(By.id("picker-q")).sendKeys(searchFor);
        By choice = By.xpath("//dialog//button[contains(., '" + altText + "')]");
        // The list is drawn again as each search comes back: a choice found in one drawing may be gone
        // by the click, so look for it again until a click lands.
        new WebDriverWait(browser.driver(), WAIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> {
                    d.findElement(choice).click();
                    return true;
                });
    }
}
