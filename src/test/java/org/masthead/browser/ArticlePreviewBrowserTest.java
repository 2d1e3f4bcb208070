package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.mail.Mailbox;
import org.masthead.newsroom.TestContent;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** A journalist files a draft and sees it on the real article page, at a phone's width, before anyone publishes it. */
@BrowserJourney
class ArticlePreviewBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    Mailbox mailbox;

    @Test
    void aJournalistPreviewsTheirDraftAsReadersWillSeeIt(Browser journalist) {
        content.section("Previews");
        String headline = "Ferry timetable changes " + TestContent.unique("h");
        StaffSignIn.withBothFactors(
                journalist, mailbox, accounts.create(true, Role.JOURNALIST), "/newsroom/articles/new");
        journalist.find(By.id("headline")).sendKeys(headline);
        journalist.find(By.id("standfirst")).sendKeys("Fewer sailings in winter, more in summer.");
        // A long hashtag is one unbroken word: it must wrap, not push the page wider than a phone.
        String longWord = "#" + "FerryTimetableChanges".repeat(6);
        journalist.find(By.id("body")).sendKeys("The operator announced the new timetable today.\n\n" + longWord);
        new Select(journalist.find(By.id("sectionId"))).selectByVisibleText("Previews");
        journalist.follow(By.xpath("//button[normalize-space()='Save draft']"));

        journalist.follow(By.linkText("Phone"));
        WebElement frame = journalist.find(By.cssSelector("#reader-preview iframe"));
        assertThat(frame.getSize().getWidth()).isEqualTo(390);
        journalist.script("arguments[0].scrollIntoView()", frame);
        journalist.driver().switchTo().frame(frame);
        assertThat(journalist.find(By.tagName("h1")).getText()).isEqualTo(headline);
        assertThat(journalist.find(By.cssSelector(".article__body")).getText())
                .startsWith("The operator announced the new timetable today.");
        assertThat(((Number) journalist.script("return document.documentElement.scrollWidth")).intValue())
                .as("a long word wraps within the phone's width")
                .isLessThanOrEqualTo(390);
        journalist.driver().switchTo().defaultContent();
        journalist.checkAccessibility();
        journalist.screenshot("newsroom-article-preview");

        String preview =
                journalist.find(By.linkText("Open the preview full-size")).getDomAttribute("href");
        journalist.open(preview);
        assertThat(journalist.heading()).isEqualTo(headline);
        journalist.screenshot("article-preview");
    }
}
