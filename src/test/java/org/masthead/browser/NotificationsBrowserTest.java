package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.CommentPosted;
import org.masthead.discussion.TestDiscussion;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A reader sees a reply arrive in the header while reading, without reloading, and opens it. */
@BrowserJourney
class NotificationsBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestDiscussion discussion;

    @Test
    void theUnreadCountInTheHeaderRisesLiveAndOpeningTheNotificationLeadsToTheReply(Browser browser) {
        TestAccounts.Credentials alice = accounts.create(true);
        TestAccounts.Credentials bob = accounts.create(true);
        CommentPosted comment = discussion.publish(discussion.comment(TestDiscussion.article(), alice.id()));
        discussion.awaitHandled(comment.commentId());
        browser.open("/signin");
        browser.find(By.id("email")).sendKeys(alice.email());
        browser.find(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        browser.follow(By.cssSelector("main form button[type=submit]"));

        browser.open("/");
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
        wait.until(d ->
                !d.findElements(By.cssSelector("a.masthead__notifications")).isEmpty());
        assertThat(browser.findAll(By.cssSelector(".masthead__unread"))).isEmpty();

        CommentPosted reply = discussion.publish(discussion.reply(comment, bob.id()));

        wait.until(d -> d.findElements(By.cssSelector(".masthead__unread")).stream()
                .anyMatch(badge -> badge.getText().equals("1")));
        assertThat(browser.find(By.cssSelector("a.masthead__notifications")).getAttribute("aria-label"))
                .isEqualTo("Notifications: 1 unread");
        browser.checkAccessibility();
        browser.screenshot("notifications-header");

        browser.follow(By.cssSelector("a.masthead__notifications"));
        assertThat(browser.heading()).isEqualTo("Notifications");
        assertThat(browser.find(By.cssSelector(".notification__open")).getText())
                .contains(bob.displayName() + " replied to your comment on");
        browser.screenshot("notifications");

        browser.follow(By.cssSelector(".notification__open"));
        assertThat(browser.path()).isEqualTo("/comment/" + reply.commentId());
    }
}
