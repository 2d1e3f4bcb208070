package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.mail.Mailbox;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.masthead.platform.TestPictures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A journalist uploads a photo to the image library and puts it in a story, in a real browser. */
@BrowserJourney
class NewsroomImagesBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    Mailbox mailbox;

    @Test
    void journalistUploadsAPhotoWithAltTextAndSeesItInTheStoryPreview(Browser browser) throws IOException {
        Section section = content.section("Coast");
        String author = content.author("Cora Coast").name();
        TestAccounts.Credentials journalist = accounts.create(true, Role.JOURNALIST);
        String alt = "Lifeboat crew " + TestContent.unique("l").substring(2) + " launching at dawn";
        Path photo = Files.createTempFile("masthead-lifeboat-", ".jpg");
        Files.write(
                photo,
                TestPictures.jpegWithExif(
                        TestPictures.halves(1200, 800, BufferedImage.TYPE_INT_RGB), 1, "Taken on the slipway"));

        StaffSignIn.withBothFactors(browser, mailbox, journalist, "/newsroom/images/new");
        assertThat(browser.heading()).isEqualTo("Upload an image");
        browser.find(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        WebElement preview = browser.find(By.cssSelector("[data-focal-image]"));
        new WebDriverWait(browser.driver(), WAIT)
                .until(d -> preview.isDisplayed()
                        && Boolean.TRUE.equals(browser.script(
                                "return arguments[0].complete && arguments[0].naturalWidth > 0", preview)));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", preview);
        // A click at the right quarter, halfway down, puts the focal point there.
        new Actions(browser.driver())
                .moveToElement(preview, preview.getSize().getWidth() / 4, 0)
                .click()
                .perform();
        assertThat(Integer.parseInt(browser.find(By.id("focalX")).getAttribute("value")))
                .isBetween(70, 80);
        browser.find(By.id("altText")).sendKeys(alt);
        browser.find(By.id("caption")).sendKeys("The crew launch at first light");
        browser.find(By.id("credit")).sendKeys("Photograph: Sam Shore");
        browser.checkAccessibility();
        browser.screenshot("newsroom-image-upload");
        browser.follow(By.xpath("//button[normalize-space()='Upload']"));

        assertThat(browser.find(By.cssSelector(".notice")).getText()).startsWith("Image kept in the library.");
        assertThat(browser.find(By.tagName("main")).getText()).contains(alt).contains("75% across, 50% down");
        browser.screenshot("newsroom-image");

        browser.open("/newsroom/articles/new");
        browser.find(By.id("headline")).sendKeys("The lifeboat goes out");
        new Select(browser.find(By.id("sectionId"))).selectByVisibleText(section.name());
        browser.find(By.id("bylines")).sendKeys(author);
        browser.find(By.id("body")).sendKeys("The call came at five.");
        ImagePicker.insert(browser, alt.split(" ")[2], alt);

        assertThat(browser.find(By.id("body")).getAttribute("value"))
                .contains("The call came at five.\n\n![" + alt + "](/media/")
                .contains(" \"The crew launch at first light\")");
        By figure = By.cssSelector("#body-preview figure.figure img[alt='" + alt + "']");
        new WebDriverWait(browser.driver(), WAIT)
                .until(d -> !d.findElements(figure).isEmpty());
        WebElement shown = browser.find(figure);
        browser.script("arguments[0].scrollIntoView()", shown);
        new WebDriverWait(browser.driver(), WAIT)
                .until(d -> Boolean.TRUE.equals(
                        browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", shown)));
        assertThat((String) browser.script("return arguments[0].currentSrc", shown))
                .as("the WebP the browser chose")
                .endsWith(".webp");
        assertThat(browser.find(By.cssSelector("#body-preview figcaption")).getText())
                .isEqualTo("The crew launch at first light Photograph: Sam Shore");
        browser.checkAccessibility();
        browser.screenshot("newsroom-editor-inline-image");
        Files.delete(photo);
    }
}
