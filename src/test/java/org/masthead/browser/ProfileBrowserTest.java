package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Discussion;
import org.masthead.newsroom.TestContent;
import org.masthead.platform.TestPictures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reader sets up their profile with a picture and sees it as others will, in a real browser; on their own
 * profile they also find their comments that wait for a moderator.
 */
@BrowserJourney
class ProfileBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    Discussion discussion;

    @Test
    void readerWritesABioChoosesAPictureSavesBothAtOnceAndSeesThemOnTheirPublicProfile(Browser browser)
            throws IOException {
        TestAccounts.Credentials account = accounts.create(true);
        String name = "Keen Reader " + TestContent.unique("k").substring(2);
        Path photo = Files.createTempFile("masthead-photo-", ".jpg");
        Files.write(
                photo,
                TestPictures.jpegWithExif(
                        TestPictures.halves(900, 600, BufferedImage.TYPE_INT_RGB), 1, "Taken at home"));

        browser.signIn(account);

        browser.follow(By.cssSelector("a[href='/account/profile']"));
        assertThat(browser.heading()).isEqualTo("Your profile");
        WebElement displayName = browser.find(By.id("displayName"));
        displayName.clear();
        displayName.sendKeys(name);
        browser.find(By.id("bio")).sendKeys("I read the paper every morning.\n\nMostly the letters page.");
        // Choosing a picture after typing the bio loses nothing: the page is one form, saved at once.
        browser.find(By.id("avatar")).sendKeys(photo.toAbsolutePath().toString());
        browser.submitAndReturn(By.xpath("//button[text()='Save profile']"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Your profile is saved.");
        assertThat(browser.find(By.id("bio")).getAttribute("value"))
                .isEqualTo("I read the paper every morning.\n\nMostly the letters page.");
        assertThat(loadedWidth(browser, browser.find(By.cssSelector("img.profile__photo"))))
                .isEqualTo(256L);
        browser.screenshot("profile-edit");

        browser.follow(By.linkText("your public profile"));
        browser.screenshot("profile-public");

        assertThat(browser.heading()).isEqualTo(name);
        assertThat(browser.findAll(By.cssSelector(".profile__bio p")))
                .extracting(WebElement::getText)
                .containsExactly("I read the paper every morning.", "Mostly the letters page.");
        assertThat(browser.find(By.cssSelector(".profile__title")).getText()).startsWith("Member since ");
        assertThat(loadedWidth(browser, browser.find(By.cssSelector("img.profile__photo"))))
                .isEqualTo(256L);
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain(account.email());
        Files.delete(photo);
    }

    @Test
    void aReaderIsNotOfferedToFollowThemselves(Browser browser) {
        TestAccounts.Credentials reader = accounts.create(true);
        browser.signIn(reader);

        browser.follow(By.linkText("See your public profile"));

        assertThat(browser.heading()).isEqualTo(reader.displayName());
        assertThat(browser.findAll(By.cssSelector("[data-follow-reader]")))
                .as("a Follow button on the reader's own profile")
                .noneMatch(WebElement::isDisplayed);
        browser.screenshot("profile-own");
    }

    @Test
    void aReaderFindsTheirCommentThatWaitsForAModeratorOnTheirOwnProfileAndGoesToIt(Browser browser) {
        TestAccounts.Credentials reader = accounts.create(true);
        long article = content.article(content.section(TestContent.unique("Held")))
                .headline("Town council approves the new bridge")
                .published();
        long held = discussion.post(reader.id(), article, "A first comment that waits for a moderator", null);
        discussion.hold(held);
        browser.signIn(reader);

        browser.follow(By.linkText("See your public profile"));

        WebElement waiting = browser.find(By.cssSelector("[data-waiting-comment]"));
        assertThat(waiting.isDisplayed()).isTrue();
        assertThat(waiting.getText())
                .contains("Waiting for a moderator — only you can see this")
                .contains("You wrote on Town council approves the new bridge")
                .contains("A first comment that waits for a moderator");
        browser.screenshot("profile-own-waiting");

        browser.follow(waiting.findElement(By.linkText("Town council approves the new bridge")));
        assertThat(browser.driver().getCurrentUrl()).endsWith("#own-comment-" + held);
        WebElement own = new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.findElements(By.id("own-comment-" + held)).isEmpty()
                        ? null
                        : d.findElement(By.id("own-comment-" + held)));
        assertThat(own.getText()).contains("Only you can see this comment until it is approved.");
        assertThat(browser.focused().getAttribute("id"))
                .as("the article opens at the comment, which has the keyboard's focus")
                .isEqualTo("own-comment-" + held);
    }

    private static Object loadedWidth(Browser browser, WebElement image) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(browser.script("return arguments[0].complete", image)));
        return browser.script("return arguments[0].naturalWidth", image);
    }
}
