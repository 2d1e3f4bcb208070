package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Discussion;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;
import org.masthead.newsroom.TestContent;
import org.masthead.site.ArticleAddresses;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A reader follows a topic and a story's conversation, and hears of what is new in each. */
@BrowserJourney
class FollowingBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    Discussion comments;

    @Autowired
    ArticleAddresses addresses;

    @Test
    void aReaderFollowsATopicAndFindsItsNewArticleUnderMyNewsAndInTheNotifications(Browser browser) {
        Section section = content.section("Transport");
        Tag topic = content.tag("Night trains");
        content.article(section)
                .headline("The last sleeper of the year")
                .tagged(topic)
                .published();
        TestAccounts.Credentials reader = accounts.create(true);
        browser.signIn(reader);

        browser.open("/topic/" + topic.slug());
        WebElement follow = waitFor(browser, d -> d.findElement(By.cssSelector("[data-follow-button]")));
        assertThat(follow.getText()).isEqualTo("Follow");
        // By keyboard: the button keeps the focus, so its new state is heard and Space undoes it.
        browser.script("arguments[0].focus()", follow);
        follow.sendKeys(org.openqa.selenium.Keys.SPACE);
        waitFor(browser, d -> "true".equals(follow.getAttribute("aria-pressed")) ? true : null);
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(follow);
        browser.checkAccessibility();
        browser.screenshot("following-topic");

        long article = content.article(section)
                .headline("Night trains return to the coast")
                .standfirst("Three routes reopen in the spring")
                .tagged(topic)
                .published();

        // The page left open hears of it at once: the header's unread count.
        WebElement unread = waitFor(browser, d -> d.findElement(By.cssSelector(".masthead__unread")));
        assertThat(unread.getText()).isEqualTo("1");
        browser.follow(By.xpath("//header//a[normalize-space()='My news']"));
        waitFor(browser, d -> {
            if (browser.find(By.tagName("main")).getText().contains("Night trains return to the coast")) {
                return true;
            }
            // "My news" lists what the search index has taken in, a moment after publication.
            d.navigate().refresh();
            return null;
        });
        browser.checkAccessibility();
        browser.screenshot("following-my-news");

        browser.follow(By.cssSelector(".masthead__notifications"));
        assertThat(browser.heading()).isEqualTo("Notifications");
        assertThat(browser.find(By.tagName("main")).getText())
                .contains("New on " + topic.name() + ", a topic you follow: “Night trains return to the coast”")
                .contains("Three routes reopen in the spring");
        browser.checkAccessibility();
        browser.screenshot("following-notifications");

        browser.follow(By.xpath("//button[contains(., 'Night trains return to the coast')]"));
        assertThat(browser.path()).isEqualTo(addresses.pathOf(article).orElseThrow());
        assertThat(browser.heading()).isEqualTo("Night trains return to the coast");
    }

    @Test
    void aReaderWhoCommentedHearsOfAReplyAndOfAnotherCommentAndStopsFollowing(Browser browser) {
        long article = content.article(content.section("Letters"))
                .headline("Should the pier reopen?")
                .published();
        TestAccounts.Credentials reader = accounts.create(true);
        browser.signIn(reader);

        browser.open(addresses.pathOf(article).orElseThrow());
        WebElement toggle = waitFor(browser, d -> d.findElement(By.cssSelector("[data-conversation-follow-button]")));
        assertThat(toggle.getText()).isEqualTo("Follow this conversation");
        WebElement box = waitFor(browser, d -> d.findElement(By.id("comment-text-new")));
        box.sendKeys("Reopen it, and put the café back.");
        browser.find(By.xpath("//button[text()='Post comment']")).click();
        WebElement mine = waitFor(
                browser,
                d -> d.findElement(
                        By.xpath("//article[contains(@class,'comment')][.//p[contains(., 'put the café back')]]")));
        long mineId = Long.parseLong(mine.getAttribute("data-comment-id"));

        // Commenting followed the conversation, as the settings have it by default.
        browser.open(addresses.pathOf(article).orElseThrow());
        WebElement following =
                waitFor(browser, d -> d.findElement(By.cssSelector("[data-conversation-follow-button]")));
        waitFor(browser, d -> following.getText().equals("Following this conversation") ? true : null);
        assertThat(following.getAttribute("aria-pressed")).isEqualTo("true");
        browser.checkAccessibility();
        browser.script("arguments[0].scrollIntoView({block: 'center'})", following);
        browser.screenshot("conversation-following");

        TestAccounts.Credentials ann = accounts.create(true);
        comments.post(ann.id(), article, "The café never paid its way.", mineId);
        TestAccounts.Credentials bob = accounts.create(true);
        comments.post(bob.id(), article, "A pier without a café is just a long walk.", null);

        WebElement unread = waitFor(
                browser,
                d -> d.findElement(By.cssSelector(".masthead__unread"))
                                .getText()
                                .equals("2")
                        ? d.findElement(By.cssSelector(".masthead__unread"))
                        : null);
        assertThat(unread.getText()).isEqualTo("2");
        browser.follow(By.cssSelector(".masthead__notifications"));
        String notifications = browser.find(By.tagName("main")).getText();
        assertThat(notifications)
                .contains(ann.displayName() + " replied to your comment on “Should the pier reopen?”")
                .contains(bob.displayName() + " commented on “Should the pier reopen?”, a conversation you follow")
                .doesNotContain(ann.displayName() + " commented on");
        browser.checkAccessibility();
        browser.screenshot("conversation-notifications");

        browser.submitAndReturn(By.xpath("//button[normalize-space()='Stop following this conversation']"));
        assertThat(browser.find(By.cssSelector("main .notice")).getText())
                .contains("You no longer follow the conversation on “Should the pier reopen?”");
        assertThat(browser.findAll(By.xpath("//button[normalize-space()='Stop following this conversation']")))
                .isEmpty();
        browser.checkAccessibility();
        browser.screenshot("conversation-stopped");

        browser.open(addresses.pathOf(article).orElseThrow());
        WebElement again = waitFor(browser, d -> d.findElement(By.cssSelector("[data-conversation-follow-button]")));
        assertThat(again.getText()).isEqualTo("Follow this conversation");
        again.click();
        waitFor(browser, d -> "true".equals(again.getAttribute("aria-pressed")) ? true : null);
        assertThat(again.getText()).isEqualTo("Following this conversation");
    }

    private static <T> T waitFor(Browser browser, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }
}
