package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Participant;
import org.masthead.mail.Mailbox;
import org.masthead.moderation.Moderation;
import org.masthead.newsroom.TestContent;
import org.masthead.site.ArticleAddresses;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Moderation as its people live it: a new reader's first comment waits for a moderator, who approves it
 * from the queue while another reader watches it arrive; a later comment of theirs is reported by three
 * readers, held and rejected with a reason; its author reads why and appeals; a second moderator upholds
 * the decision; the first suspends the author, who is told until when. Every console page passes axe.
 */
@BrowserJourney
@TestPropertySource(properties = "masthead.moderation.held-first-comments=3")
class ModerationBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    ArticleAddresses addresses;

    @Autowired
    Mailbox mailbox;

    @Autowired
    Moderation moderation;

    @Test
    void aCommentHeldApprovedReportedRejectedAppealedUpheldAndItsAuthorSuspended(
            Browser reader, Browser moderator, Browser second) {
        long articleId = content.article(content.section("Moderation")).published();
        String article = addresses.pathOf(articleId).orElseThrow();
        TestAccounts.Credentials author = accounts.create(true);
        reader.signIn(author);
        reader.open(article);
        post(reader, "My very first comment: the new timetable is a mess.");

        WebElement own = waitFor(reader, d -> d.findElement(By.cssSelector(".comment--held")));
        assertThat(own.getText())
                .contains("Waiting for a moderator")
                .contains("My very first comment: the new timetable is a mess.");
        assertThat(reader.findAll(By.xpath("//div[@data-thread-slot]//p[contains(., 'the new timetable is a mess')]")))
                .isEmpty();
        reader.checkAccessibility();
        reader.screenshot("moderation-comment-held");

        // Another newcomer's first comment waits right behind it.
        Participant.signIn(port, accounts.create(true)).post(articleId, "Another newcomer writes: trains at dawn.");
        // Another reader has the article open when the moderator approves: the comment arrives live.
        second.open(article);
        TestAccounts.Credentials first = accounts.create(true, Role.MODERATOR);
        StaffSignIn.withBothFactors(moderator, mailbox, first, "/moderation");
        assertThat(moderator.heading()).isEqualTo("Moderation");
        assertThat(item(moderator, "the new timetable is a mess").getText())
                .contains("One of the first 3 comments of a new reader");
        moderator.screenshot("moderation-queue");
        // By keyboard, as a moderator works down a long queue: j to the comment, a to approve it.
        moveTo(moderator, "the new timetable is a mess");
        moderator.pressAndReturn("a");
        assertThat(status(moderator)).isEqualTo("Approved: the comment is published.");
        assertThat(moderator.focused().getText())
                .as("back at the comment after the one decided, to carry on from there")
                .contains("Another newcomer writes: trains at dawn.");
        // Ticked with x, and rejected with the others without a reason: said beside the reason, nothing sent.
        new Actions(moderator.driver()).sendKeys("x").perform();
        moderator
                .find(By.xpath("//form[@id='bulk']//button[text()='Reject all']"))
                .click();
        assertThat(moderator.find(By.id("bulk-reason-error")).getText()).isEqualTo("Choose why they are rejected.");
        assertThat(moderator.focused().getAttribute("id")).isEqualTo("bulk-reason");
        assertThat(moderator.focused().getAttribute("aria-describedby")).isEqualTo("bulk-reason-error");
        assertThat(item(moderator, "trains at dawn")
                        .findElement(By.cssSelector("input[name=ids]"))
                        .isSelected())
                .isTrue();
        // With a reason it goes (rejected rather than approved: it would arrive live on the pages below).
        new Select(moderator.find(By.id("bulk-reason"))).selectByValue("off-topic");
        moderator.submitAndReturn(By.xpath("//form[@id='bulk']//button[text()='Reject all']"));
        assertThat(status(moderator)).isEqualTo("Rejected 1 comment.");
        // A new top-level comment is offered live, without a reload, as a button that shows it.
        WebElement arrived = waitFor(second, d -> d.findElement(By.cssSelector("button[data-show-new]")));
        second.screenshot("moderation-comment-arrives-live");
        arrived.click();
        waitFor(second, d -> d.findElement(publishedComment("the new timetable is a mess")));
        assertThat(second.focused().getText())
                .as("focus on the comment shown, wherever it landed")
                .contains("the new timetable is a mess");
        // Its author, whose page was open all along, finds it in place of the held copy, once, as their own.
        WebElement approved = waitFor(
                reader,
                d -> d.findElements(By.cssSelector(".comment--held")).isEmpty()
                        ? d.findElement(publishedComment("the new timetable is a mess"))
                        : null);
        waitFor(
                reader,
                d -> approved.findElement(By.cssSelector("[data-action='delete']"))
                                .isDisplayed()
                        ? true
                        : null);
        assertThat(reader.findAll(By.xpath("//p[contains(., 'the new timetable is a mess')]")))
                .hasSize(1);
        assertThat(approved.findElement(By.cssSelector("[data-action='recommend']"))
                        .isDisplayed())
                .isFalse();
        assertThat(reader.findAll(By.cssSelector("[data-show-new]"))).isEmpty();

        // Known now (a moderator vouches), the reader's next comment is published at once; three readers report it.
        moderation.trust(author.id(), null);
        reader.open(article);
        post(reader, "Whoever planned this timetable should be ashamed of themselves.");
        waitFor(reader, d -> d.findElement(publishedComment("should be ashamed of themselves")));
        long reported = Long.parseLong(
                reader.find(publishedComment("should be ashamed of themselves")).getAttribute("data-comment-id"));
        for (int i = 0; i < 3; i++) {
            Participant.signIn(port, accounts.create(true)).report(articleId, reported, "abuse", "");
        }
        // Each report puts it in the queue at once; the third, heard after it commits, takes it out of the
        // conversation.
        new WebDriverWait(moderator.driver(), Duration.ofSeconds(10)).until(d -> {
            moderator.open("/moderation?queue=reported");
            return moderator.findAll(itemLocator("should be ashamed of themselves")).stream()
                    .anyMatch(item -> item.getText().contains("out of the conversation"));
        });
        assertThat(item(moderator, "should be ashamed of themselves").getText())
                .contains("Reported by 3 readers, out of the conversation until a moderator decides:");
        moderator.screenshot("moderation-reported");
        // r goes to the reason to reject the current comment with.
        WebElement rejecting = moveTo(moderator, "should be ashamed of themselves");
        new Actions(moderator.driver()).sendKeys("r").perform();
        assertThat(moderator.focused().getAttribute("id")).isEqualTo("reason-" + reported);
        new Select(moderator.focused()).selectByValue("abuse");
        rejecting.findElement(By.cssSelector("input[name=note]")).sendKeys("Shaming people is not civil.");
        moderator.submitAndReturn(itemButton("should be ashamed of themselves", "Reject"));
        assertThat(status(moderator)).startsWith("Rejected: the comment is out of the conversation");

        // Its author reads why, and appeals.
        reader.open(article);
        WebElement removed = waitFor(reader, d -> d.findElement(By.cssSelector(".comment--rejected")));
        assertThat(removed.getText())
                .contains("Removed by a moderator \u2014 Abusive, hateful or threatening: Shaming people is not civil.")
                .as("one full stop, though the moderator wrote one too")
                .doesNotContain("civil..");
        reader.follow(removed.findElement(By.linkText("Why, and how to appeal")));
        assertThat(reader.heading()).isEqualTo("Moderators’ decisions about you");
        WebElement statement = reader.find(By.cssSelector("article.appeal"));
        assertThat(statement.getText())
                .contains("No hatred or threats")
                .contains("Shaming people is not civil")
                .contains("should be ashamed of themselves");
        reader.screenshot("moderation-statement-of-reasons");
        statement.findElement(By.tagName("textarea")).sendKeys("It was about the plan, not a person.");
        reader.submitAndReturn(By.xpath("//article[contains(@class,'appeal')]//button[text()='Appeal']"));
        assertThat(status(reader)).startsWith("Your appeal is with the moderators.");

        // A second moderator decides the appeal, and upholds the decision.
        StaffSignIn.withBothFactors(second, mailbox, accounts.create(true, Role.MODERATOR), "/moderation/appeals");
        assertThat(second.heading()).isEqualTo("Appeals");
        WebElement appeal = second.find(By.xpath(
                "//li[contains(@class,'moderation-item')][.//p[contains(., 'It was about the plan, not a person.')]]"));
        assertThat(appeal.getText()).contains("No hatred or threats");
        second.screenshot("moderation-appeals");
        second.submitAndReturn(
                By.xpath(
                        "//li[contains(@class,'moderation-item')][.//p[contains(., 'It was about the plan, not a person.')]]//button[text()='Uphold']"));
        assertThat(status(second)).isEqualTo("Upheld: the decision stands, and the reader has been told.");
        reader.open("/appeals");
        assertThat(reader.find(By.cssSelector("article.appeal")).getText()).contains("Upheld: the decision stands.");

        // The first moderator suspends the author, from the reader's page in the console.
        moderator.open("/moderation/readers/" + author.id());
        assertThat(moderator.heading()).isEqualTo(author.displayName());
        new Select(moderator.find(By.id("sanction-kind"))).selectByValue("suspend");
        new Select(moderator.find(By.id("sanction-rule"))).selectByValue("civil");
        moderator.find(By.id("sanction-reason")).sendKeys("Shamed the planners by name, again and again");
        moderator.find(By.id("sanction-days")).sendKeys("7");
        moderator.screenshot("moderation-reader");
        moderator.submitAndReturn(By.xpath("//button[text()='Impose']"));
        assertThat(status(moderator)).startsWith("Sanction imposed");

        reader.open(article);
        WebElement notice = waitFor(
                reader,
                d -> d.findElement(By.xpath(
                        "//*[@data-discussion-form]//p[contains(., 'You are suspended from commenting until')]")));
        assertThat(notice.getText()).contains("(Be civil): Shamed the planners by name");
        assertThat(reader.findAll(By.id("comment-text-new"))).isEmpty();
        reader.screenshot("moderation-suspended");

        // Back in the queue, narrowed to the author: their comments come with the suspension and every decision.
        moderator.open("/moderation?queue=recent&reader=" + author.id());
        assertThat(moderator.find(By.cssSelector(".moderation-filtered")).getText())
                .startsWith("Showing only the comments by " + author.displayName() + ".");
        WebElement theirs = item(moderator, "should be ashamed of themselves");
        assertThat(theirs.findElement(By.cssSelector(".moderation-item__standing"))
                        .getText())
                .matches("Suspended until .+ \\(in force\\): Be civil, Shamed the planners by name, again and again");
        theirs.findElement(By.cssSelector(".moderation-item__record summary")).click();
        assertThat(theirs.findElement(By.cssSelector(".moderation-item__record"))
                        .getText())
                .contains("Decisions on " + author.displayName() + " (2)")
                .contains("Comment removed on “")
                .contains("appeal upheld");
        moderator.checkAccessibility();
        moderator.screenshot("moderation-queue-one-reader");
    }

    @Test
    void anEditorPicksACommentFromTheThreadByKeyboardAndReadersFindItUnderPicks(Browser editor, Browser reader) {
        long articleId = content.article(content.section("Ferries")).published();
        String article = addresses.pathOf(articleId).orElseThrow();
        TestAccounts.Credentials author = accounts.create(true);
        moderation.trust(author.id(), null);
        Participant writer = Participant.signIn(port, author);
        writer.posted(articleId, "The ferry timetable quietly lost its last evening sailing.");
        writer.posted(articleId, "An ordinary comment nobody picks.");

        StaffSignIn.withBothFactors(editor, mailbox, accounts.create(true, Role.EDITOR), "/newsroom");
        editor.open(article);
        WebElement pick = waitFor(
                editor,
                d -> d.findElement(
                        By.xpath("//article[contains(@class,'comment')][.//p[contains(., 'last evening sailing')]]"
                                + "//button[@data-action='pick'][not(@hidden)]")));
        assertThat(pick.getText()).isEqualTo("Pick");
        editor.script("arguments[0].focus()", pick);
        editor.pressEnter();
        waitFor(
                editor,
                d -> d.findElement(
                        By.xpath("//article[@data-picked='true'][.//p[contains(., 'last evening sailing')]]")));
        // The pick's own live event may show the comment afresh once more: read it as it stands.
        String markedText = waitFor(editor, d -> d.findElement(
                        By.xpath("//article[@data-picked='true'][.//p[contains(., 'last evening sailing')]]"))
                .getText());
        assertThat(markedText).contains("Staff pick").contains("Un-pick");
        assertThat(editor.focused().getText())
                .as("focus stays on the button pressed")
                .isEqualTo("Un-pick");

        reader.open(article);
        // The tab loads in place, beside the orders.
        WebElement tab =
                waitFor(reader, d -> d.findElement(By.cssSelector(".conversation__sort a[data-sort='picks']")));
        assertThat(tab.getText()).isEqualTo("staff picks");
        tab.click();
        WebElement picks = waitFor(reader, d -> d.findElement(By.cssSelector(".conversation--picks")));
        assertThat(reader.focused().getText())
                .as("on from the same tab, not from the top of the page")
                .isEqualTo("staff picks");
        System.out.println(
                "PICKSDUMP " + reader.script("return document.querySelector('.conversation--picks').outerHTML"));
        assertThat(picks.getText())
                .contains("The ferry timetable quietly lost its last evening sailing.")
                .contains("Staff pick")
                .doesNotContain("An ordinary comment nobody picks.");
        reader.checkAccessibility();
        reader.script("arguments[0].scrollIntoView()", picks);
        reader.screenshot("moderation-picks-tab");

        // Back to an order: a reader who muted nobody sees every comment, however often the tabs change.
        reader.find(By.cssSelector(".conversation__sort a[data-sort='newest']")).click();
        waitFor(reader, d -> d.findElement(By.cssSelector(".conversation[data-sort='newest']")));
        assertThat(reader.find(By.cssSelector("[data-thread-slot]")).getText())
                .contains("An ordinary comment nobody picks.")
                .contains("The ferry timetable quietly lost its last evening sailing.");

        // The editor replies to the pick from the Picks tab, where replies are not listed; Escape first
        // closes the form, back to the Reply button.
        editor.find(By.cssSelector(".conversation__sort a[data-sort='picks']")).click();
        WebElement reply = waitFor(
                editor, d -> d.findElement(By.cssSelector(".conversation--picks [data-action='reply']:not([hidden])")));
        reply.click();
        waitFor(editor, d -> d.findElement(By.cssSelector(".conversation--picks form.comment-form textarea")))
                .sendKeys(Keys.ESCAPE);
        assertThat(editor.findAll(By.cssSelector(".conversation--picks form.comment-form")))
                .isEmpty();
        assertThat(editor.focused().getText()).isEqualTo("Reply");
        editor.pressEnter();
        waitFor(editor, d -> d.findElement(By.cssSelector(".conversation--picks form.comment-form textarea")))
                .sendKeys("Thank you: we asked the ferry company why.");
        editor.find(By.xpath("//button[text()='Post reply']")).click();
        WebElement posted = waitFor(editor, d -> d.findElement(By.xpath("//p[contains(., 'Your reply is posted.')]")));
        assertThat(editor.focused()).isEqualTo(posted);
        assertThat(posted.findElement(By.tagName("a")).getDomAttribute("href")).startsWith("/comment/");
    }

    private static void post(Browser reader, String text) {
        waitFor(reader, d -> d.findElement(By.id("comment-text-new"))).sendKeys(text);
        reader.find(By.xpath("//button[text()='Post comment']")).click();
    }

    private static By publishedComment(String text) {
        return By.xpath("//article[contains(@class,'comment')][@data-comment-id][.//p[contains(., '" + text + "')]]");
    }

    private static By itemLocator(String text) {
        return By.xpath("//li[contains(@class,'moderation-item')][.//blockquote[contains(., '" + text + "')]]");
    }

    /** Presses j until the comment with this text is the current one, as a moderator working down the queue. */
    private static WebElement moveTo(Browser moderator, String text) {
        WebElement target = item(moderator, text);
        for (int i = 0; i < 60 && !target.getAttribute("class").contains("is-current"); i++) {
            new Actions(moderator.driver()).sendKeys("j").perform();
        }
        assertThat(target.getAttribute("class")).contains("is-current");
        return target;
    }

    private static WebElement item(Browser moderator, String text) {
        return moderator.find(itemLocator(text));
    }

    private static By itemButton(String text, String button) {
        return By.xpath("//li[contains(@class,'moderation-item')][.//blockquote[contains(., '" + text
                + "')]]//button[text()='" + button + "']");
    }

    private static String status(Browser browser) {
        return browser.find(By.cssSelector("main .notice[role='status']")).getText();
    }

    private static <T> T waitFor(Browser browser, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }
}
