package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.mail.Mailbox;
import org.masthead.newsroom.Front;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An editor at the home page's front: pins two stories, moves one up from the keyboard, makes it the
 * lead, looks at the preview at a phone's width, publishes, and readers' home page shows it.
 */
@BrowserJourney
class FrontsBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    Mailbox mailbox;

    /** Browser journeys share one home page: put it back to the latest stories for the others. */
    @AfterEach
    void clearHome() {
        content.clearFront(Front.home());
    }

    @Test
    void anEditorReordersTheHomePagePreviewsItOnAPhoneAndPublishesIt(Browser editor) {
        Section section = content.section("Frontline");
        Instant now = Instant.now();
        String analysis = "Why the tide turned " + TestContent.unique("h");
        String scoop = "Minister to resign tonight " + TestContent.unique("h");
        content.article(section)
                .headline(analysis)
                .image(content.image("A harbour at low tide"))
                .publishedAt(now.minus(3, ChronoUnit.DAYS));
        long scoopId = content.article(section)
                .headline(scoop)
                .image(content.image("The minister's office"))
                .publishedAt(now.minus(4, ChronoUnit.DAYS));

        StaffSignIn.withBothFactors(editor, mailbox, accounts.create(true, Role.EDITOR), "/newsroom/fronts");
        editor.follow(By.cssSelector("main a[href='/newsroom/fronts/home']"));
        assertThat(editor.heading()).isEqualTo("Home front");
        addStory(editor, analysis, "Big");
        addStory(editor, scoop, "Standard");
        assertThat(pinned(editor)).containsExactly(analysis, scoop);

        // From the scoop's layout, the keyboard goes on to its "Move up".
        editor.script("arguments[0].focus()", editor.find(By.id("layout-" + scoopId)));
        editor.pressTab();
        WebElement moveUp = editor.pressTab();
        assertThat(moveUp.getText()).startsWith("Move up");
        editor.pressEnter();
        new WebDriverWait(editor.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(moveUp));
        editor.settled();
        editor.checkAccessibility();
        assertThat(pinned(editor)).containsExactly(scoop, analysis);
        assertThat(editor.find(By.cssSelector(".notice")).getText()).isEqualTo("Moved up.");
        assertThat(editor.path()).endsWith("/newsroom/fronts/home");
        assertThat(editor.focused().getAttribute("id"))
                .as("the keyboard goes on from the story moved, now first, not from the top of the page")
                .isEqualTo("story-" + scoopId);

        new Select(editor.find(By.id("layout-" + scoopId))).selectByVisibleText("Lead");
        editor.submitAndReturn(By.cssSelector("#story-" + scoopId + " .front-slot__layout button"));
        assertThat(editor.find(By.cssSelector(".notice")).getText()).isEqualTo("Layout changed to lead.");
        assertThat(new Select(editor.find(By.id("layout-" + scoopId)))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Lead");

        editor.follow(By.linkText("Phone"));
        WebElement frame = editor.find(By.cssSelector("iframe.preview-frame"));
        assertThat(frame.getSize().getWidth()).isEqualTo(390);
        editor.driver().switchTo().frame(frame);
        assertThat(editor.find(By.cssSelector(".front-top__lead")).getText()).contains(scoop);
        assertThat(editor.find(By.cssSelector(".front-top__big")).getText()).contains(analysis);
        editor.driver().switchTo().defaultContent();
        editor.screenshot("newsroom-front");
        editor.script("arguments[0].scrollIntoView()", frame);
        editor.screenshot("newsroom-front-preview");

        editor.submitAndReturn(By.xpath("//button[normalize-space()='Publish front']"));
        assertThat(editor.find(By.cssSelector(".notice")).getText())
                .isEqualTo("Published: readers see this front now.");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            editor.open("/");
            assertThat(editor.find(By.cssSelector(".front-top__lead")).getText())
                    .contains(scoop);
        });
        assertThat(editor.find(By.cssSelector(".front-top__big")).getText()).contains(analysis);
        editor.screenshot("home-curated");
    }

    private static void addStory(Browser editor, String headline, String layout) {
        new Select(editor.find(By.id("articleId"))).selectByVisibleText(optionFor(editor, headline));
        new Select(editor.find(By.id("new-layout"))).selectByVisibleText(layout);
        editor.submitAndReturn(By.xpath("//button[normalize-space()='Add to the front']"));
    }

    /** The add list names a story with its section and date after its headline. */
    private static String optionFor(Browser editor, String headline) {
        return new Select(editor.find(By.id("articleId")))
                .getOptions().stream()
                        .map(WebElement::getText)
                        .filter(text -> text.startsWith(headline + " ("))
                        .findFirst()
                        .orElseThrow();
    }

    private static List<String> pinned(Browser editor) {
        return editor.findAll(By.cssSelector(".front-slot__headline")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
