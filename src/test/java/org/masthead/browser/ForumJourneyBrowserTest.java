package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.TestContent;
import org.masthead.site.ArticleAddresses;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two readers in two browsers under one article: one comments, the other sees it arrive without
 * reloading and replies; the first is told, follows the other and finds their replies again.
 */
@BrowserJourney
class ForumJourneyBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    ArticleAddresses addresses;

    @Test
    void aCommentArrivesLiveTheReplyIsNotifiedAndTheReplierCanBeFollowed(Browser alice, Browser bob) {
        String article = addresses
                .pathOf(content.article(content.section("Forum")).published())
                .orElseThrow();
        TestAccounts.Credentials aliceAccount = accounts.create(true);
        TestAccounts.Credentials bobAccount = accounts.create(true);
        alice.signIn(aliceAccount);
        bob.signIn(bobAccount);

        // Bob is already reading when Alice comments, his page's live stream open.
        bob.open(article);
        waitFor(bob, d -> d.findElement(By.id("comment-text-new")));
        waitFor(bob, d -> d.findElement(By.cssSelector("html[data-live='open']")));

        alice.open(article);
        waitFor(alice, d -> d.findElement(By.id("comment-text-new")))
                .sendKeys("The night train was full of families going home.");
        alice.find(By.xpath("//button[text()='Post comment']")).click();
        WebElement aliceComment = waitFor(
                alice,
                d -> d.findElement(
                        By.xpath("//article[contains(@class,'comment')][.//p[contains(., 'full of families')]]")));
        String aliceCommentId = aliceComment.getAttribute("data-comment-id");
        waitFor(alice, d -> d.findElement(By.cssSelector("html[data-live='open']")));
        assertThat(alice.findAll(By.cssSelector(".masthead__unread"))).isEmpty();

        WebElement offer = waitFor(bob, d -> d.findElement(By.cssSelector("[data-show-new]")));
        assertThat(offer.getText()).isEqualTo("1 new comment — show");
        assertThat(bob.path()).isEqualTo(article);
        bob.screenshot("forum-new-comment-offered");
        offer.click();
        waitFor(bob, d -> d.findElement(By.id("comment-" + aliceCommentId)));
        bob.checkAccessibility();

        bob.find(By.cssSelector("#comment-" + aliceCommentId + " [data-action='reply']"))
                .click();
        waitFor(bob, d -> d.findElement(By.id("comment-text-" + aliceCommentId)))
                .sendKeys("Ours too. The sleeper was worth every penny.");
        bob.find(By.xpath("//button[text()='Post reply']")).click();
        WebElement bobReply = waitFor(
                bob,
                d -> d.findElement(By.xpath("//li[@class='reply'][.//p[contains(., 'worth every penny')]]//article")));
        String bobReplyId = bobReply.getAttribute("data-comment-id");
        bob.screenshot("forum-reply-posted");

        WebElement badge = waitFor(alice, d -> d.findElements(By.cssSelector(".masthead__unread")).stream()
                .filter(b -> b.getText().equals("1"))
                .findFirst()
                .orElse(null));
        assertThat(badge.getText()).isEqualTo("1");
        assertThat(alice.path()).isEqualTo(article);
        alice.screenshot("forum-unread-count");

        alice.follow(By.cssSelector("a.masthead__notifications"));
        assertThat(alice.heading()).isEqualTo("Notifications");
        assertThat(alice.find(By.cssSelector(".notification__open")).getText())
                .contains(bobAccount.displayName() + " replied to your comment on");
        alice.checkAccessibility();
        alice.screenshot("forum-notifications");

        alice.follow(By.cssSelector(".notification__open"));
        assertThat(alice.path()).isEqualTo(article);
        WebElement highlighted = waitFor(alice, d -> d.findElement(By.cssSelector(".comment--highlight")));
        assertThat(highlighted.getAttribute("id")).isEqualTo("comment-" + bobReplyId);
        assertThat(highlighted.getText()).contains("worth every penny");
        alice.screenshot("forum-reply-highlighted");

        alice.find(By.cssSelector("#comment-" + bobReplyId + " [data-action='follow']"))
                .click();
        waitFor(
                alice,
                d -> "true"
                                .equals(d.findElement(
                                                By.cssSelector("#comment-" + bobReplyId + " [data-action='follow']"))
                                        .getAttribute("aria-pressed"))
                        ? true
                        : null);

        alice.open("/following");
        assertThat(alice.find(By.tagName("main")).getText()).contains("The sleeper was worth every penny.");
        alice.checkAccessibility();
        alice.screenshot("forum-following");

        alice.follow(By.linkText(bobAccount.displayName()));
        assertThat(alice.heading()).isEqualTo(bobAccount.displayName());
        assertThat(alice.find(By.cssSelector(".reader-activity")).getText())
                .contains("1 follower")
                .contains("The sleeper was worth every penny.");
        alice.screenshot("forum-replier-profile");
    }

    private static <T> T waitFor(Browser browser, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }
}
