package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.mail.Mailbox;
import org.masthead.newsroom.TestContent;
import org.masthead.site.ArticleAddresses;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A new reader's first comment waits for a moderator, who approves it from the queue. */
@BrowserJourney
@TestPropertySource(properties = "masthead.moderation.held-first-comments=3")
class ModerationBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    ArticleAddresses addresses;

    @Autowired
    Mailbox mailbox;

    @Test
    void aNewReadersFirstCommentIsHeldAndAppearsOnceAModeratorApprovesIt(Browser reader, Browser moderator) {
        String article = addresses
                .pathOf(content.article(content.section("Moderation")).published())
                .orElseThrow();
        reader.signIn(accounts.create(true));
        reader.open(article);
        waitFor(reader, d -> d.findElement(By.id("comment-text-new")))
                .sendKeys("My very first comment: the new timetable is a mess.");
        reader.find(By.xpath("//button[text()='Post comment']")).click();

        WebElement own = waitFor(reader, d -> d.findElement(By.cssSelector(".comment--held")));
        assertThat(own.getText())
                .contains("Waiting for a moderator")
                .contains("My very first comment: the new timetable is a mess.");
        assertThat(reader.findAll(By.xpath("//div[@data-thread-slot]//p[contains(., 'the new timetable is a mess')]")))
                .isEmpty();
        reader.checkAccessibility();
        reader.screenshot("moderation-comment-held");

        TestAccounts.Credentials staff = accounts.create(true, Role.MODERATOR);
        StaffSignIn.withBothFactors(moderator, mailbox, staff, "/moderation");
        assertThat(moderator.heading()).isEqualTo("Moderation");
        WebElement item = moderator.find(
                By.xpath("//li[contains(@class,'moderation-item')][.//p[contains(., 'the new timetable is a mess')]]"));
        assertThat(item.getText()).contains("One of the first 3 comments of a new reader");
        moderator.checkAccessibility();
        moderator.screenshot("moderation-queue");
        moderator.submitAndReturn(
                By.xpath(
                        "//li[contains(@class,'moderation-item')][.//p[contains(., 'the new timetable is a mess')]]//button[text()='Approve']"));
        assertThat(moderator.find(By.cssSelector("[role='status']")).getText())
                .isEqualTo("Approved: the comment is published.");

        moderator.open(article);
        waitFor(
                moderator,
                d -> d.findElement(By.xpath(
                        "//article[contains(@class,'comment')][.//p[contains(., 'the new timetable is a mess')]]")));
        reader.open(article);
        waitFor(
                reader,
                d -> d.findElement(
                        By.xpath(
                                "//article[contains(@class,'comment')][@data-comment-id][.//p[contains(., 'the new timetable is a mess')]]")));
        assertThat(reader.findAll(By.cssSelector(".comment--held"))).isEmpty();
        reader.screenshot("moderation-comment-approved");
    }

    private static <T> T waitFor(Browser browser, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }
}
