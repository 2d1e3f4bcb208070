package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Discussion;
import org.masthead.discussion.TestDiscussion;
import org.masthead.mail.Mailbox;
import org.masthead.newsroom.TestContent;
import org.masthead.platform.TestPictures;
import org.masthead.site.ArticleAddresses;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A reader joins the conversation under an article: posts, replies, recommends, edits, deletes and follows. */
@BrowserJourney
class CommentsBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    Discussion comments;

    @Autowired
    TestDiscussion discussion;

    @Autowired
    ArticleAddresses addresses;

    @Autowired
    Mailbox mailbox;

    @Test
    void readerPostsRepliesRecommendsEditsDeletesAndFollows(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        TestAccounts.Credentials ann = accounts.create(true);
        long annsComment = comments.post(ann.id(), article, "The night train is back, and it is full.", null);
        TestAccounts.Credentials reader = accounts.create(true);

        browser.signIn(reader);

        browser.open(addresses.pathOf(article).orElseThrow());
        WebElement box = waitFor(browser, d -> d.findElement(By.id("comment-text-new")));
        box.sendKeys("I took it last week.\n\nIt left on time, see https://example.org/trains");
        browser.find(By.xpath("//button[text()='Post comment']")).click();
        WebElement mine = waitFor(
                browser,
                d -> d.findElement(
                        By.xpath("//article[contains(@class,'comment')][.//p[contains(., 'I took it last week.')]]")));
        String mineId = mine.getAttribute("data-comment-id");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("comment-" + mineId);
        // Commenting followed the conversation (the reader's settings say so by default): the button says it.
        waitFor(
                browser,
                d -> d.findElement(By.cssSelector("[data-conversation-follow-button]"))
                                .getText()
                                .equals("Following this conversation")
                        ? true
                        : null);
        assertThat(mine.findElement(By.cssSelector("a[rel='nofollow ugc noopener']"))
                        .getText())
                .isEqualTo("https://example.org/trains");
        browser.checkAccessibility();
        browser.screenshot("comments-thread");

        WebElement annsArticle = browser.find(By.id("comment-" + annsComment));
        annsArticle.findElement(By.cssSelector("[data-action='reply']")).click();
        WebElement replyBox = waitFor(browser, d -> d.findElement(By.id("comment-text-" + annsComment)));
        replyBox.sendKeys("Was the sleeper carriage worth it?");
        browser.find(By.xpath("//button[text()='Post reply']")).click();
        waitFor(
                browser,
                d -> d.findElement(
                        By.xpath("//li[@class='reply']//p[contains(., 'Was the sleeper carriage worth it?')]")));
        browser.checkAccessibility();
        browser.screenshot("comments-reply");

        annsArticle = browser.find(By.id("comment-" + annsComment));
        annsArticle.findElement(By.cssSelector("[data-action='recommend']")).click();
        waitFor(
                browser,
                d -> "true"
                                .equals(d.findElement(By.cssSelector(
                                                "#comment-" + annsComment + " [data-action='recommend']"))
                                        .getAttribute("aria-pressed"))
                        ? true
                        : null);
        assertThat(browser.find(By.cssSelector("#comment-" + annsComment + " .comment__recommendations"))
                        .getText())
                .isEqualTo("1 recommendation");

        // A report names no reason until the reader chooses one; Cancel closes the form, back to Report.
        WebElement report = browser.find(By.cssSelector("#comment-" + annsComment + " [data-action='report']"));
        report.click();
        waitFor(browser, d -> d.findElement(By.xpath("//form[@class='report-form']//button[text()='Cancel']")))
                .click();
        assertThat(browser.findAll(By.cssSelector(".report-form"))).isEmpty();
        assertThat(browser.focused()).isEqualTo(report);
        report.click();
        WebElement reason = waitFor(browser, d -> d.findElement(By.id("report-reason-" + annsComment)));
        assertThat(new Select(reason).getFirstSelectedOption().getText()).isEqualTo("Choose a reason");
        new Select(reason).selectByValue("off-topic");
        browser.find(By.id("report-detail-" + annsComment)).sendKeys("About buses, not trains");
        browser.find(By.xpath("//form[@class='report-form']//button[text()='Send report']"))
                .click();
        waitFor(
                browser,
                d -> d.findElement(By.xpath("//*[@id='comment-" + annsComment
                        + "']//*[contains(., 'Thank you: moderators will look at this comment.')]")));
        assertThat(report.getText()).as("not offered twice").isEqualTo("Reported");
        assertThat(report.getDomAttribute("aria-disabled")).isEqualTo("true");
        assertThat(browser.focused()).isEqualTo(report);

        browser.find(By.cssSelector("#comment-" + mineId + " [data-action='edit']"))
                .click();
        WebElement editBox = waitFor(browser, d -> d.findElement(By.id("edit-" + mineId)));
        editBox.clear();
        editBox.sendKeys("I took it last week, and again on Monday.");
        browser.find(By.xpath("//button[text()='Save changes']")).click();
        waitFor(
                browser,
                d -> d.findElement(By.xpath("//article[@id='comment-" + mineId
                        + "'][.//span[@class='comment__edited']][.//p[contains(., 'again on Monday')]]")));
        waitFor(browser, d -> "edit".equals(browser.focused().getDomAttribute("data-action")) ? true : null);

        browser.script(
                "window.changes = 0; document.addEventListener('masthead:comment-changed', () => window.changes++);");
        browser.find(By.cssSelector("#comment-" + mineId + " [data-action='delete']"))
                .click();
        browser.find(By.xpath("//button[text()='Yes, delete it']")).click();
        waitFor(browser, d -> d.findElements(By.id("comment-" + mineId)).isEmpty() ? true : null);
        waitFor(browser, d -> browser.focused().getTagName().equals("body") ? null : true);
        // The deletion's own live event comes back to this page too: the comment is counted out once.
        waitFor(browser, d -> ((Number) browser.script("return window.changes")).intValue() > 0 ? true : null);
        assertThat(browser.find(By.cssSelector("[data-comment-count]")).getText())
                .isEqualTo("2 comments");

        browser.find(By.cssSelector("#comment-" + annsComment + " [data-action='follow']"))
                .click();
        waitFor(
                browser,
                d -> "true"
                                .equals(d.findElement(
                                                By.cssSelector("#comment-" + annsComment + " [data-action='follow']"))
                                        .getAttribute("aria-pressed"))
                        ? true
                        : null);
        browser.checkAccessibility();

        // Muted, Ann's comment folds away, focus on the fold; opened, it offers to unmute her.
        browser.find(By.cssSelector("#comment-" + annsComment + " [data-action='mute']"))
                .click();
        WebElement fold =
                waitFor(browser, d -> d.findElement(By.cssSelector("#comment-" + annsComment + " > .comment__muted")));
        waitFor(browser, d -> browser.focused().equals(fold) ? true : null);
        fold.click();
        WebElement unmute = browser.find(By.cssSelector("#comment-" + annsComment + " [data-action='mute']"));
        assertThat(unmute.getText()).isEqualTo("Unmute " + ann.displayName());
        unmute.click();
        waitFor(
                browser,
                d -> d.findElements(By.cssSelector("#comment-" + annsComment + " > .comment__muted"))
                                .isEmpty()
                        ? true
                        : null);
        assertThat(unmute.getText()).isEqualTo("Mute " + ann.displayName());

        browser.follow(By.cssSelector("#comment-" + annsComment + " a.comment__author"));
        assertThat(browser.heading()).isEqualTo(ann.displayName());
        assertThat(browser.find(By.cssSelector(".reader-activity")).getText())
                .contains("1 follower")
                .contains("The night train is back");
        waitFor(
                browser,
                d -> d.findElement(By.cssSelector("[data-follow-reader]")).isDisplayed() ? true : null);
        browser.screenshot("comments-profile");

        browser.open("/following");
        assertThat(browser.find(By.tagName("main")).getText()).contains("The night train is back, and it is full.");
        browser.screenshot("comments-following");

        // The conversation's own page, for reading without JavaScript, passes the same checks.
        browser.open("/discussion/" + article);
        assertThat(browser.find(By.id("comment-" + annsComment)).getText()).contains("The night train is back");
        browser.screenshot("comments-conversation-page");
    }

    @Test
    void eachCommentShowsItsAuthorsPictureOrTheirInitial(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        TestAccounts.Credentials ann = accounts.create(true);
        accounts.setPicture(
                ann, TestPictures.jpegWithExif(TestPictures.halves(300, 300, BufferedImage.TYPE_INT_RGB), 1, "Ann"));
        long annsComment = comments.post(ann.id(), article, "With a picture.", null);
        TestAccounts.Credentials bob = accounts.create(true);
        long bobsComment = comments.post(bob.id(), article, "Without one.", null);

        browser.open(addresses.pathOf(article).orElseThrow());

        WebElement picture = browser.find(By.cssSelector("#comment-" + annsComment + " img.comment__avatar"));
        assertThat(picture.getDomAttribute("src")).startsWith("/avatar/" + ann.id() + "/64.jpg");
        assertThat(picture.getDomAttribute("loading")).isEqualTo("lazy");
        assertThat(picture.getDomAttribute("width")).as("sized before it loads").isEqualTo("32");
        assertThat(picture.getDomAttribute("height")).isEqualTo("32");
        waitFor(
                browser,
                d -> Boolean.TRUE.equals(browser.script("return arguments[0].complete", picture)) ? true : null);
        assertThat(browser.script("return arguments[0].naturalWidth", picture))
                .as("Ann's picture, loaded")
                .isEqualTo(64L);
        WebElement initial = browser.find(By.cssSelector("#comment-" + bobsComment + " .comment__avatar"));
        assertThat(initial.getText())
                .as("Bob's initial")
                .isEqualTo(bob.displayName().substring(0, 1));
        assertThat(initial.getRect().getWidth()).isEqualTo(32);
        browser.screenshot("comments-avatars");
    }

    @Test
    void aReaderSignsOutFromTheHeaderOfAnArticle(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        TestAccounts.Credentials reader = accounts.create(true);
        browser.signIn(reader);
        browser.open(addresses.pathOf(article).orElseThrow());
        assertThat(browser.find(By.cssSelector("[data-account]")).getText()).contains(reader.displayName());
        browser.screenshot("header-signed-in");

        String articlePath = browser.path();
        browser.find(By.xpath("//header//button[normalize-space()='Sign out']")).click();
        // Signed out from a public page, the reader stays on it.
        // The page is loaded again meanwhile: the header found before may be gone when it is read.
        waitFor(
                browser,
                d -> d.findElement(By.cssSelector("[data-account]")).getText().contains("Sign in"));
        assertThat(browser.path()).isEqualTo(articlePath);
        assertThat(browser.find(By.cssSelector("[data-account]")).getText())
                .contains("Sign in")
                .doesNotContain(reader.displayName());
        browser.open("/account");
        assertThat(browser.path())
                .as("signed out: the account page asks to sign in")
                .startsWith("/signin");
    }

    @Test
    void aReaderIsNotOfferedTheirOwnCommentAsNewWhenItsLiveEventOvertakesIt(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        TestAccounts.Credentials reader = accounts.create(true);
        browser.signIn(reader);
        browser.open(addresses.pathOf(article).orElseThrow());
        WebElement box = waitFor(browser, d -> d.findElement(By.id("comment-text-new")));
        waitFor(browser, d -> d.findElement(By.cssSelector("html[data-live='open']")));
        // The posted comment's own copy comes slowly, so that its live event arrives first.
        browser.script(
                """
                window.heard = [];
                document.addEventListener("masthead:comment", e => window.heard.push(Number(e.detail.commentId)));
                const fetchNow = window.fetch;
                window.fetch = (url, options) => String(url).includes("/comments?ids=")
                  ? new Promise(resolve => setTimeout(resolve, 1500)).then(() => fetchNow(url, options))
                  : fetchNow(url, options);
                """);

        box.sendKeys("Mine, and not news to me.");
        browser.find(By.xpath("//button[text()='Post comment']")).click();

        WebElement mine = waitFor(
                browser,
                d -> d.findElement(
                        By.xpath("//article[contains(@class,'comment')][.//p[contains(., 'not news to me')]]")));
        long id = Long.parseLong(mine.getAttribute("data-comment-id"));
        assertThat(browser.script("return window.heard"))
                .as("its live event came")
                .asList()
                .contains(id);
        assertThat(browser.findAll(By.cssSelector("[data-show-new]"))).isEmpty();
        assertThat(browser.find(By.cssSelector("[data-comment-count]")).getText())
                .isEqualTo("1 comment");
    }

    @Test
    void aCommentEditedAndThenDeletedByItsAuthorChangesOnAPageAlreadyOpen(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        TestAccounts.Credentials ann = accounts.create(true);
        long id = comments.post(ann.id(), article, "The first draft of a thought.", null);
        browser.signIn(accounts.create(true));
        browser.open(addresses.pathOf(article).orElseThrow());
        waitFor(browser, d -> d.findElement(By.id("comment-" + id)));
        waitFor(browser, d -> d.findElement(By.cssSelector("html[data-live='open']")));

        discussion.edit(ann.id(), id, "The second draft, better.");

        waitFor(
                browser,
                d -> d.findElement(By.id("comment-" + id)).getText().contains("The second draft, better.")
                        ? true
                        : null);
        assertThat(browser.find(By.id("comment-" + id)).getText()).doesNotContain("The first draft");

        discussion.delete(ann.id(), id);

        waitFor(browser, d -> d.findElements(By.id("comment-" + id)).isEmpty() ? true : null);
        assertThat(browser.find(By.cssSelector("[data-comment-count]")).getText())
                .isEqualTo("0 comments");
    }

    @Test
    void aConversationServedFromTheCacheStillSaysHowLongAgoEachCommentWasPosted(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        TestAccounts.Credentials ann = accounts.create(true);
        long id = comments.post(ann.id(), article, "Posted a while before you read this.", null);
        String path = addresses.pathOf(article).orElseThrow();
        browser.open(path);
        waitFor(browser, d -> d.findElement(By.cssSelector("#comment-" + id + " time")));
        // The cached thread now says "just now"; the reader's clock runs three hours later.
        ((ChromeDriver) browser.driver())
                .executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument",
                        Map.of(
                                "source",
                                """
                                (() => {
                                  const later = 3 * 60 * 60 * 1000;
                                  const RealDate = Date;
                                  class Later extends RealDate {
                                    constructor(...given) { given.length ? super(...given) : super(RealDate.now() + later); }
                                    static now() { return RealDate.now() + later; }
                                  }
                                  window.Date = Later;
                                })();
                                """));

        browser.open(path);

        WebElement time = waitFor(browser, d -> d.findElement(By.cssSelector("#comment-" + id + " time")));
        assertThat(time.getText()).isEqualTo("3 hours ago");
        assertThat(time.getAttribute("title")).as("the exact time on hover").isNotBlank();
    }

    @Test
    void aVisitorsPageHoldsItsLiveStreamOnlyWhileTheCommentsAreInViewAndHearsWhatItMissed(Browser browser) {
        long article = content.article(content.section("Conversation"))
                .body("A paragraph that keeps the comments well below the fold of any screen.\n\n".repeat(80))
                .published();
        long author = accounts.create(true).id();
        // Some comment elsewhere first: the stream tells a new page the newest event as a place to resume.
        discussion.awaitHandled(comments.post(
                author, content.article(content.section("Conversation")).published(), "Elsewhere.", null));
        browser.open(addresses.pathOf(article).orElseThrow());
        browser.script("document.documentElement.setAttribute('data-live-close-after', '300')");

        // Reading the story, not the comments: nothing is held open for this page.
        waitFor(browser, d -> d.findElement(By.cssSelector("html[data-live='idle']")));

        browser.script("document.getElementById('comments').scrollIntoView()");
        waitFor(browser, d -> d.findElement(By.cssSelector("html[data-live='open']")));

        // The tab is hidden: the stream closes, and a comment is posted meanwhile.
        browser.script(
                """
                window.hiddenNow = true;
                Object.defineProperty(document, "hidden", { configurable: true, get: () => window.hiddenNow });
                document.dispatchEvent(new Event("visibilitychange"));
                """);
        waitFor(browser, d -> d.findElement(By.cssSelector("html[data-live='closed']")));
        long missed = comments.post(author, article, "Written while the tab was hidden.", null);
        discussion.awaitHandled(missed);

        browser.script("window.hiddenNow = false; document.dispatchEvent(new Event('visibilitychange'))");
        waitFor(browser, d -> d.findElement(By.cssSelector("html[data-live='open']")));
        waitFor(browser, d -> d.findElement(By.cssSelector("[data-show-new]"))).click();
        waitFor(browser, d -> d.findElement(By.id("comment-" + missed)));
        browser.screenshot("comments-heard-after-hidden-tab");
    }

    @Test
    void aPageWhoseLiveStreamIsRefusedTriesAgainAndHearsNewComments(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        long author = accounts.create(true).id();
        // The page's first stream is answered as a swamped proxy answers it; the next ones reach the site.
        AtomicInteger streams = new AtomicInteger();
        try (DevTools devTools = DevTools.of(browser)) {
            devTools.on("Fetch.requestPaused", (session, request) -> {
                String id = request.get("requestId").asString();
                if (streams.incrementAndGet() == 1) {
                    devTools.send(
                            session,
                            "Fetch.fulfillRequest",
                            Map.of(
                                    "requestId",
                                    id,
                                    "responseCode",
                                    502,
                                    "body",
                                    Base64.getEncoder().encodeToString("Error while proxying to origin.".getBytes())));
                } else {
                    devTools.send(session, "Fetch.continueRequest", Map.of("requestId", id));
                }
            });
            for (String page : devTools.attachAll("page")) {
                devTools.call(page, "Fetch.enable", Map.of("patterns", List.of(Map.of("urlPattern", "*/live\\?*"))));
            }

            browser.open(addresses.pathOf(article).orElseThrow());

            waitFor(browser, d -> d.findElement(By.cssSelector("html[data-live='open']")));
            assertThat(streams.get()).as("refused once, then open").isEqualTo(2);
            long comment = comments.post(author, article, "Heard by a page refused at first.", null);
            waitFor(browser, d -> d.findElement(By.cssSelector("[data-show-new]")))
                    .click();
            waitFor(browser, d -> d.findElement(By.id("comment-" + comment)));
        }
    }

    @Test
    void wordsLeftInACommentBoxAreNotOfferedToTheNextReaderOfTheSameBrowser(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        String path = addresses.pathOf(article).orElseThrow();
        browser.signIn(accounts.create(true));
        browser.open(path);
        waitFor(browser, d -> d.findElement(By.id("comment-text-new"))).sendKeys("Only mine, never posted.");
        browser.find(By.xpath("//header//button[normalize-space()='Sign out']")).click();
        waitFor(
                browser,
                d -> d.findElement(By.cssSelector("[data-account]")).getText().contains("Sign in"));

        browser.signIn(accounts.create(true));
        browser.open(path);

        assertThat(waitFor(browser, d -> d.findElement(By.id("comment-text-new")))
                        .getDomProperty("value"))
                .as("a shared browser keeps no one's unposted words for the next reader")
                .isEmpty();
        assertThat(browser.script("return Object.keys(window.localStorage).join(' ')"))
                .asString()
                .doesNotContain("masthead.comments.unsaved.");
    }

    @Test
    void wordsLeftInACommentBoxForMoreThanAWeekAreForgotten(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        String path = addresses.pathOf(article).orElseThrow();
        browser.signIn(accounts.create(true));
        browser.open(path);
        waitFor(browser, d -> d.findElement(By.id("comment-text-new"))).sendKeys("Left here long ago.");
        browser.script("Object.keys(localStorage).forEach(function (k) {"
                + " if (k.indexOf('masthead.comments.unsaved.') === 0) {"
                + " var kept = JSON.parse(localStorage.getItem(k)); kept.at = Date.now() - 8 * 24 * 3600 * 1000;"
                + " localStorage.setItem(k, JSON.stringify(kept)); } });");

        browser.open(path);

        assertThat(waitFor(browser, d -> d.findElement(By.id("comment-text-new")))
                        .getDomProperty("value"))
                .isEmpty();
        assertThat(browser.script("return Object.keys(window.localStorage).join(' ')"))
                .asString()
                .doesNotContain("masthead.comments.unsaved.");
    }

    @Test
    void aLinkToACommentNoLongerThereOpensTheConversationAtItsStartWithItsCommentBox(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        String path = addresses.pathOf(article).orElseThrow();
        long kept = comments.post(accounts.create(true).id(), article, "Still here to be read.", null);
        browser.signIn(accounts.create(true));

        browser.open(path + "#comment-999999999");

        waitFor(browser, d -> d.findElement(By.id("comment-" + kept)));
        assertThat(browser.find(By.id("comments")).getText())
                .contains("The comment you were linked to is no longer available")
                .contains("1 comment")
                .doesNotContain("No comments yet");
        assertThat(browser.find(By.id("comment-text-new")).isDisplayed()).isTrue();
    }

    @Test
    void aReaderWhoseSessionEndedIsToldToSignInAgainAndComesBackToTheirComment(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        String path = addresses.pathOf(article).orElseThrow();
        TestAccounts.Credentials reader = accounts.create(true);
        browser.signIn(reader);
        browser.open(path);
        WebElement box = waitFor(browser, d -> d.findElement(By.id("comment-text-new")));
        browser.driver().manage().deleteCookieNamed("SESSION");

        box.sendKeys("Written before the session ended.");
        browser.find(By.xpath("//button[text()='Post comment']")).click();

        WebElement error = waitFor(
                browser, d -> d.findElement(By.xpath("//p[@class='field__error'][contains(., 'You are signed out')]")));
        WebElement signIn = error.findElement(By.linkText("Sign in again"));
        assertThat(signIn.getDomAttribute("href"))
                .startsWith("/signin?return=")
                .endsWith(java.net.URLEncoder.encode(path + "#comments", java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20"));

        signInAgain(browser, signIn, reader);

        WebElement kept = waitFor(browser, d -> d.findElement(By.id("comment-text-new")));
        assertThat(browser.path()).isEqualTo(path);
        assertThat(kept.getDomProperty("value"))
                .as("what was typed before the session ended is in the box again")
                .isEqualTo("Written before the session ended.");
        assertThat(browser.focused()).isEqualTo(kept);
        browser.find(By.xpath("//button[text()='Post comment']")).click();
        waitFor(
                browser,
                d -> d.findElement(
                        By.xpath("//article[@data-comment-id][.//p[contains(., 'Written before the session')]]")));
        browser.open(path);
        assertThat(waitFor(browser, d -> d.findElement(By.id("comment-text-new")))
                        .getDomProperty("value"))
                .as("once posted, the words are not offered again")
                .isEmpty();
    }

    @Test
    void aReplyWrittenBeforeTheSessionEndedIsInItsFormAgainAfterSigningInAgain(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        String path = addresses.pathOf(article).orElseThrow();
        long answered = comments.post(accounts.create(true).id(), article, "Connections at Vienna are tight.", null);
        TestAccounts.Credentials reader = accounts.create(true);
        browser.signIn(reader);
        browser.open(path);
        waitFor(
                        browser,
                        d -> d.findElement(
                                By.cssSelector("#comment-" + answered + " [data-action='reply']:not([hidden])")))
                .click();
        WebElement box = waitFor(browser, d -> d.findElement(By.id("comment-text-" + answered)));
        box.sendKeys("They were fine on Monday.");
        browser.driver().manage().deleteCookieNamed("SESSION");
        browser.find(By.xpath("//button[text()='Post reply']")).click();
        WebElement signIn = waitFor(browser, d -> d.findElement(By.linkText("Sign in again")));

        signInAgain(browser, signIn, reader);

        WebElement kept = waitFor(browser, d -> d.findElement(By.id("comment-text-" + answered)));
        assertThat(kept.getDomProperty("value")).isEqualTo("They were fine on Monday.");
        assertThat(browser.focused())
                .as("the reply form opened again, under its comment")
                .isEqualTo(kept);
        browser.find(By.xpath("//button[text()='Post reply']")).click();
        waitFor(
                browser,
                d -> d.findElement(By.xpath("//li[@class='reply']//p[contains(., 'They were fine on Monday.')]")));
        assertThat(browser.script("return Object.keys(localStorage).filter(function (k) {"
                        + " return k.indexOf('masthead.comments.') === 0; }).length"))
                .as("nothing kept once posted")
                .isEqualTo(0L);
    }

    /** Follows "Sign in again" and signs in, back to where the link said. */
    private static void signInAgain(Browser browser, WebElement signIn, TestAccounts.Credentials reader) {
        browser.follow(signIn);
        browser.find(By.id("email")).sendKeys(reader.email());
        browser.find(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        browser.follow(By.cssSelector("main form button[type=submit]"));
    }

    @Test
    void anEditHeldForAModeratorStaysInSightOfItsAuthorSayingWhy(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        browser.signIn(accounts.create(true));
        browser.open(addresses.pathOf(article).orElseThrow());
        waitFor(browser, d -> d.findElement(By.id("comment-text-new")))
                .sendKeys("The anglerfish photos are remarkable.");
        browser.find(By.xpath("//button[text()='Post comment']")).click();
        WebElement mine = waitFor(
                browser,
                d -> d.findElement(By.xpath("//article[@data-comment-id][.//p[contains(., 'anglerfish photos')]]")));
        String id = mine.getAttribute("data-comment-id");
        waitFor(browser, d -> d.findElement(By.cssSelector("#comment-" + id + " [data-action='edit']:not([hidden])")))
                .click();
        waitFor(browser, d -> d.findElement(By.id("edit-" + id)))
                .sendKeys(" Sources: https://a.example https://b.example https://c.example");

        browser.find(By.xpath("//button[text()='Save changes']")).click();

        WebElement held = waitFor(browser, d -> d.findElement(By.id("own-comment-" + id)));
        assertThat(held.getText())
                .contains("Waiting for a moderator")
                .contains("more links than we publish without a moderator's look")
                .contains("Sources: https://a.example");
        assertThat(browser.focused())
                .as("the reader goes on from the comment, not from the top of the page")
                .isEqualTo(held);
        assertThat(browser.findAll(By.id("comment-" + id))).isEmpty();
        browser.checkAccessibility();
    }

    @Test
    void aHeldReplyWaitsUnderTheCommentItAnswers(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        long answered = comments.post(accounts.create(true).id(), article, "Connections at Vienna are tight.", null);
        browser.signIn(accounts.create(true));
        browser.open(addresses.pathOf(article).orElseThrow());
        waitFor(
                        browser,
                        d -> d.findElement(
                                By.cssSelector("#comment-" + answered + " [data-action='reply']:not([hidden])")))
                .click();
        // More links than are published unseen: held for a moderator.
        waitFor(browser, d -> d.findElement(By.id("comment-text-" + answered)))
                .sendKeys("Timetables: https://a.example https://b.example https://c.example");

        browser.find(By.xpath("//button[text()='Post reply']")).click();

        WebElement held = waitFor(
                browser,
                d -> d.findElement(By.xpath("//li[@data-thread-id='" + answered
                        + "']//li[contains(@class,'reply--held')]/article[contains(@class,'comment--held')]")));
        assertThat(held.getText()).contains("Waiting for a moderator").contains("Timetables:");
        assertThat(held.findElement(By.cssSelector(".comment__context a")).getDomAttribute("href"))
                .isEqualTo("/comment/" + answered);
        assertThat(browser.focused()).isEqualTo(held);
        browser.checkAccessibility();
    }

    @Test
    void aCommentBoxSaysWhenItsLimitIsReached(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        browser.signIn(accounts.create(true));
        browser.open(addresses.pathOf(article).orElseThrow());
        WebElement box = waitFor(browser, d -> d.findElement(By.id("comment-text-new")));
        assertThat(browser.find(By.id("comment-text-new-count")).isDisplayed())
                .as("no count while the limit is far off")
                .isFalse();

        browser.script("arguments[0].value = 'x'.repeat(4990); arguments[0].dispatchEvent(new Event('input'));", box);
        WebElement count = browser.find(By.id("comment-text-new-count"));
        assertThat(count.getText()).isEqualTo("10 characters left");
        box.sendKeys("y".repeat(20));

        assertThat(box.getDomProperty("value")).hasSize(5000);
        assertThat(count.getText()).startsWith("You have reached the limit of 5,000 characters");
        assertThat(count.findElement(By.xpath("following-sibling::*[@aria-live='polite']"))
                        .getAttribute("textContent"))
                .as("said to a screen reader at once")
                .startsWith("You have reached the limit");
        assertThat(box.getDomAttribute("aria-describedby")).contains("comment-text-new-count");
    }

    @Test
    void anUnconfirmedReaderHasTheLinkSentAgainFromTheConversation(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        TestAccounts.Credentials reader = accounts.create(false);
        browser.signIn(reader);
        browser.open(addresses.pathOf(article).orElseThrow());
        WebElement again = waitFor(browser, d -> d.findElement(By.xpath("//button[text()='Send the link again']")));
        int before = mailbox.latest(reader.email(), null, 50).size();

        again.click();

        waitFor(browser, d -> d.findElement(By.xpath("//*[@role='status'][contains(., 'We have sent a new link.')]")));
        waitFor(browser, d -> mailbox.latest(reader.email(), null, 50).size() > before ? true : null);
        assertThat(browser.path())
                .as("still on the article")
                .isEqualTo(addresses.pathOf(article).orElseThrow());
    }

    @Test
    void editIsNoLongerOfferedOnceTheWindowForChangingACommentCloses(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        TestAccounts.Credentials reader = accounts.create(true);
        browser.signIn(reader);
        // The reader's clock runs almost five minutes later: the window closes some seconds after the page opens.
        ((ChromeDriver) browser.driver())
                .executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument",
                        Map.of(
                                "source",
                                """
                                (() => {
                                  const later = 5 * 60 * 1000 - 15000;
                                  const RealDate = Date;
                                  class Later extends RealDate {
                                    constructor(...given) { given.length ? super(...given) : super(RealDate.now() + later); }
                                    static now() { return RealDate.now() + later; }
                                  }
                                  window.Date = Later;
                                })();
                                """));
        long id = comments.post(reader.id(), article, "Changed only for five minutes.", null);
        browser.open(addresses.pathOf(article).orElseThrow());
        By edit = By.cssSelector("#comment-" + id + " [data-action='edit']");
        waitFor(browser, d -> d.findElement(edit).isDisplayed() ? true : null);

        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> d.findElement(edit).isDisplayed() ? null : true);
        assertThat(browser.find(By.cssSelector("#comment-" + id + " [data-action='delete']"))
                        .isDisplayed())
                .as("deleting has no window")
                .isTrue();
    }

    @Test
    void aLongConversationPagesInPlaceAndANewCommentIsShownWhereItBelongs(Browser browser) {
        long article = content.article(content.section("Conversation")).published();
        for (int i = 1; i <= 51; i++) {
            comments.post(accounts.create(true).id(), article, "Comment number " + i + " of a long one.", null);
        }
        browser.signIn(accounts.create(true));
        browser.open(addresses.pathOf(article).orElseThrow());
        waitFor(browser, d -> d.findElement(By.cssSelector("a[data-page='later']")))
                .click();

        WebElement first = waitFor(
                browser,
                d -> d.findElement(By.xpath("//article[@data-comment-id][.//p[contains(., 'Comment number 51 of')]]")));
        assertThat(browser.focused())
                .as("on from the first comment of the page, not from the foot of the last")
                .isEqualTo(first);
        browser.find(By.cssSelector("a[data-page='earlier']")).click();
        waitFor(browser, d -> d.findElement(By.cssSelector("a[data-page='later']")));
        waitFor(browser, d -> d.findElement(By.cssSelector("html[data-live='open']")));

        long late = comments.post(accounts.create(true).id(), article, "Posted while page 1 is read.", null);

        WebElement show = waitFor(browser, d -> d.findElement(By.cssSelector("button[data-show-new]")));
        assertThat(browser.findAll(By.id("comment-" + late)))
                .as("not put at the foot of page 1, among older comments")
                .isEmpty();
        show.click();
        WebElement shown = waitFor(browser, d -> d.findElement(By.id("comment-" + late)));
        assertThat(browser.findAll(By.cssSelector("a[data-page='later']"))).isEmpty();
        assertThat(browser.focused()).isEqualTo(shown);
    }

    private static <T> T waitFor(Browser browser, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }
}
