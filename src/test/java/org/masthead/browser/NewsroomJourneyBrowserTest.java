package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.mail.Mailbox;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A story through the newsroom in two browsers: an editor adds the section it is filed in (a refused
 * form first), a journalist writes it, with a picture from the library in its body, and submits it; the
 * editor sends it back with a note, the journalist answers it, the editor publishes it, readers have it
 * on the home page and under the new section at once, the editor corrects it and finds its author among
 * the newsroom's authors. Every newsroom page on the way is checked with axe.
 */
@BrowserJourney
class NewsroomJourneyBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    Mailbox mailbox;

    @LocalServerPort
    int port;

    @Test
    void aStoryIsWrittenSentBackPublishedAndCorrected(Browser journalist, Browser editor) {
        String sectionName = "Harbours " + TestContent.unique("no");
        // The address the site makes from the name: lower case, words joined by hyphens.
        String sectionPath =
                "/" + sectionName.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        String byline = content.author("Mara Quay " + TestContent.unique("a")).name();
        String headline = "Harbour wall to be rebuilt " + TestContent.unique("h");
        String photo = "The breached harbour wall " + TestContent.unique("p").substring(2) + " at low tide";
        content.image(photo);

        StaffSignIn.withBothFactors(editor, mailbox, accounts.create(true, Role.EDITOR), "/newsroom");
        editor.follow(By.linkText("Sections"));
        editor.follow(By.linkText("Add a section"));
        editor.find(By.id("description")).sendKeys("Ports, piers and the people who work them.");
        editor.submitAndReturn(By.xpath("//button[normalize-space()='Add the section']"));
        assertThat(editor.find(By.cssSelector(".error-summary")).getText()).contains("Give the section's name");
        assertThat(editor.find(By.id("description")).getDomProperty("value"))
                .as("what was typed is kept")
                .isEqualTo("Ports, piers and the people who work them.");
        editor.screenshot("newsroom-section-refused");
        editor.find(By.id("name")).sendKeys(sectionName);
        editor.submitAndReturn(By.xpath("//button[normalize-space()='Add the section']"));
        assertThat(editor.find(By.cssSelector(".notice")).getText())
                .contains("Added. Articles can be filed in " + sectionName + " now.")
                .contains(sectionPath + "/rss");
        editor.screenshot("newsroom-section");
        editor.follow(By.linkText("Back to the sections"));
        assertThat(editor.find(By.tagName("main")).getText())
                .contains(sectionName)
                .contains(sectionPath);
        editor.screenshot("newsroom-sections");

        StaffSignIn.withBothFactors(journalist, mailbox, accounts.create(true, Role.JOURNALIST), "/newsroom");
        journalist.screenshot("newsroom-desk");

        journalist.follow(By.linkText("New article"));
        journalist.find(By.id("headline")).sendKeys(headline);
        journalist.find(By.id("standfirst")).sendKeys("The storm-damaged wall will be rebuilt by spring.");
        new Select(journalist.find(By.id("sectionId"))).selectByVisibleText(sectionName);
        journalist.find(By.id("body")).sendKeys("The council approved the work on Tuesday.\n\n");
        ImagePicker.insert(journalist, photo.split(" ")[3], photo);
        journalist.find(By.id("body")).sendKeys("\n## The cost\n\n");
        journalist.find(By.cssSelector("[data-md=bold]")).click();
        journalist.find(By.id("body")).sendKeys("Four million pounds");
        journalist.find(By.id("bylines")).sendKeys(byline);
        journalist.follow(By.xpath("//button[normalize-space()='Save draft']"));
        assertThat(journalist.find(By.id("body")).getDomProperty("value"))
                .contains("**Four million pounds**")
                .contains("![" + photo + "](/media/");
        journalist.screenshot("newsroom-editor");
        journalist.find(By.id("standfirst")).sendKeys(" Work starts in March.");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        journalist.find(By.id("autosave-status")).getText())
                .as("the time written as the site writes times, not as the browser's 02:47 AM")
                .matches("Saved automatically at \\d\\d\\.\\d\\d\\."));
        String article = journalist.path();
        journalist.submitAndReturn(By.xpath("//button[normalize-space()='Submit for review']"));

        editor.open("/newsroom");
        assertThat(editor.find(By.cssSelector("[aria-labelledby=review-title]")).getText())
                .contains(headline);
        editor.follow(By.linkText(headline));
        editor.find(By.id("note")).sendKeys("Who approved it? Name the committee.");
        editor.submitAndReturn(By.xpath("//button[normalize-space()='Send back']"));

        journalist.open(article);
        assertThat(journalist.find(By.cssSelector(".review-note")).getText()).contains("Name the committee.");
        journalist.screenshot("newsroom-sent-back");
        journalist.find(By.id("body")).sendKeys("\n\nThe harbour committee approved it unanimously.");
        journalist.submitAndReturn(By.xpath("//button[normalize-space()='Submit for review']"));

        editor.open(article);
        editor.submitAndReturn(By.xpath("//button[normalize-space()='Publish now']"));
        String live = editor.find(By.linkText("See it on the site")).getDomAttribute("href");
        Http reader = new Http(port);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(reader.get("/").body()).contains(headline));
        assertThat(live).startsWith(sectionPath + "/");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(reader.get("/").body())
                    .as("in the menu")
                    .contains("href=\"" + sectionPath + "\">" + sectionName + "<");
            assertThat(reader.get(sectionPath).body()).contains(headline);
            assertThat(reader.get(sectionPath + "/rss").body()).contains(headline);
        });

        editor.find(By.id("correction-text")).sendKeys("The work will cost four million pounds, not five.");
        editor.submitAndReturn(By.xpath("//button[normalize-space()='Add']"));
        editor.open(live);
        assertThat(editor.find(By.cssSelector(".corrections")).getText())
                .contains("The work will cost four million pounds, not five.");
        assertThat(editor.find(By.cssSelector(".article__body strong")).getText())
                .isEqualTo("Four million pounds");
        assertThat(editor.find(By.cssSelector(".article__body figure img")).getDomAttribute("alt"))
                .isEqualTo(photo);
        assertThat(editor.find(By.cssSelector(".article__body figcaption")).getText())
                .contains("A caption for " + photo);
        editor.screenshot("newsroom-published-corrected");

        editor.open(article + "/revisions");
        editor.screenshot("newsroom-revisions");
        editor.open("/newsroom/log");
        assertThat(editor.find(By.tagName("main")).getText()).contains(headline);
        editor.screenshot("newsroom-log");
        editor.follow(By.linkText("Authors"));
        assertThat(editor.find(By.tagName("main")).getText()).contains(byline);
        editor.checkAccessibility();
        editor.screenshot("newsroom-authors");
        editor.follow(By.linkText("Add an author"));
        editor.checkAccessibility();
        editor.open("/corrections");
        assertThat(editor.find(By.tagName("main")).getText()).contains(headline);
    }

    /**
     * Nothing typed is lost: the desk fits a phone, leaving a new article asks first and the words come
     * back, the phone preview keeps the form, and autosave says plainly when the session has ended while
     * the words stay in the page and in the browser.
     */
    @Test
    void typedWordsSurviveLeavingThePhonePreviewAndTheEndOfTheSession(Browser journalist) {
        Section section = content.section("Keeps " + TestContent.unique("k"));
        String headline = "Deadline story " + TestContent.unique("h");
        StaffSignIn.withBothFactors(journalist, mailbox, accounts.create(true, Role.JOURNALIST), "/newsroom");
        journalist.resizeViewport(new Dimension(390, 844));
        journalist.open("/newsroom");
        assertThat(((Number) journalist.script("return document.documentElement.scrollWidth")).intValue())
                .as("the desk's tables scroll inside their own boxes, not the page sideways")
                .isLessThanOrEqualTo(390);
        journalist.screenshot("newsroom-desk-phone");
        journalist.resizeViewport(new Dimension(1280, 900));

        journalist.follow(By.linkText("New article"));
        journalist.find(By.id("headline")).sendKeys(headline);
        journalist.find(By.id("body")).sendKeys("Words not saved yet.");
        // Headless Chromium shows no "Leave site?" dialog; asking for one is what the page can do.
        assertThat(journalist.script("var leaving = new Event('beforeunload', {cancelable: true});"
                        + " window.dispatchEvent(leaving); return leaving.defaultPrevented;"))
                .as("leaving with words the server does not have asks first")
                .isEqualTo(true);
        journalist.open("/newsroom");

        journalist.follow(By.linkText("New article"));
        WebElement offer = journalist.find(By.cssSelector(".unsaved-offer"));
        assertThat(offer.getText()).contains("This browser kept changes to this article that were not saved");
        assertThat(offer.getSize().getHeight())
                .as("a notice above the form, not an empty panel as tall as the form")
                .isLessThan(300);
        assertThat(journalist.find(By.id("headline")).getRect().getX())
                .as("the form stays in its column below the notice, not pushed into the side column")
                .isEqualTo(offer.getRect().getX());
        journalist.screenshot("newsroom-unsaved-offer");
        journalist
                .find(By.xpath("//button[normalize-space()='Restore the unsaved changes']"))
                .click();
        assertThat(journalist.find(By.id("headline")).getDomProperty("value")).isEqualTo(headline);
        assertThat(journalist.find(By.id("body")).getDomProperty("value")).isEqualTo("Words not saved yet.");
        new Select(journalist.find(By.id("sectionId"))).selectByVisibleText(section.name());
        journalist.follow(By.xpath("//button[normalize-space()='Save draft']"));
        String article = journalist.path();

        setBody(journalist, "x".repeat(200_001));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        journalist.find(By.id("autosave-status")).getText())
                .as("the reason as a sentence of its own, with one full stop")
                .isEqualTo("Not saved automatically. Keep the body to 200,000 characters; split a longer story in"
                        + " two. Save to see it beside the field."));
        setBody(journalist, "Words not saved yet.");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        journalist.find(By.id("autosave-status")).getText())
                .startsWith("Saved automatically at"));

        journalist.find(By.id("standfirst")).sendKeys("Typed, then the phone preview.");
        journalist.find(By.linkText("Phone")).click();
        assertThat(journalist.find(By.cssSelector(".preview-frame")).getDomAttribute("class"))
                .contains("preview-frame--phone");
        assertThat(journalist.find(By.id("standfirst")).getDomProperty("value"))
                .as("only the frame changed: the form keeps what was typed")
                .isEqualTo("Typed, then the phone preview.");

        // Signed out elsewhere: the session cookie is gone.
        journalist.driver().manage().deleteAllCookies();
        journalist.find(By.id("body")).sendKeys(" Typed after the session ended.");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        journalist.find(By.id("autosave-status")).getText())
                .contains("Not saved: you have been signed out")
                .contains("Sign in again in another tab, then come back and save."));
        assertThat(journalist.find(By.id("body")).getDomProperty("value")).contains("Typed after the session ended.");
        assertThat((String) journalist.script(
                        "return window.localStorage.getItem(arguments[0])",
                        "masthead.newsroom.unsaved." + article.substring(article.lastIndexOf('/') + 1)))
                .as("kept in the browser, to be offered back")
                .contains("Typed after the session ended.");
        journalist.screenshot("newsroom-signed-out");
    }

    /** Puts the words in the body at once, as a paste would, rather than typing them key by key. */
    private static void setBody(Browser who, String words) {
        who.script(
                "var body = document.getElementById('body'); body.value = arguments[0];"
                        + " body.dispatchEvent(new Event('input', {bubbles: true}));",
                words);
    }
}
