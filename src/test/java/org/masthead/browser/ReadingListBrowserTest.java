package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.TestAccounts;
import org.masthead.membership.TestMembers;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.masthead.site.ArticleAddresses;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Premium member organises their reading list and reads it offline: makes a collection, saves an
 * article into it with a note and finds it again by searching the list; saves an article, loses the
 * network, and reads it (pictures too) while an article they did not save shows the offline page;
 * signing out empties what the device kept. A reader without Premium gets no worker and nothing kept.
 */
@BrowserJourney
class ReadingListBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestMembers members;

    @Autowired
    TestContent content;

    @Autowired
    ArticleAddresses addresses;

    @Test
    void aMemberMakesACollectionSavesAnArticleIntoItWithANoteAndFindsItBySearching(Browser browser) {
        Section section = content.section(TestContent.unique("Shelves"));
        long lighthouse = content.article(section)
                .slug(TestContent.unique("lighthouse"))
                .headline("The last lighthouse keepers of the Atlantic")
                .standfirst("A family, a rock and a lamp that never goes out")
                .published();
        long budget = content.article(section)
                .slug(TestContent.unique("budget"))
                .headline("The budget in ten charts")
                .published();
        TestAccounts.Credentials member = accounts.create(true);
        members.makePremium(member.id());
        browser.signIn(member);
        save(browser, budget);
        save(browser, lighthouse);

        browser.open("/reading-list");
        browser.find(By.cssSelector("[data-new-collection]"))
                .findElement(By.xpath("ancestor::details/summary"))
                .click();
        browser.find(By.id("new-collection-name")).sendKeys("Holiday reading");
        browser.follow(By.cssSelector("[data-new-collection] button[type=submit]"));
        assertThat(browser.heading()).isEqualTo("Your reading list");
        assertThat(browser.find(By.id("current-collection")).getText()).isEqualTo("Holiday reading");
        assertThat(browser.find(By.cssSelector("[data-empty]")).getText())
                .isEqualTo(
                        "Nothing in this collection yet: in Saved, choose “Holiday reading” under an article and press Add.");

        browser.open("/reading-list");
        WebElement item = itemFor(browser, lighthouse);
        new Select(item.findElement(By.tagName("select"))).selectByVisibleText("Holiday reading");
        browser.submitAndReturn(By.cssSelector("#saved-" + lighthouse + " .reading-list__add button"));
        itemFor(browser, lighthouse).findElement(By.tagName("textarea")).sendKeys("Read this on the ferry");
        browser.submitAndReturn(By.cssSelector("#saved-" + lighthouse + " .reading-list__note button"));
        assertThat(itemFor(browser, lighthouse).getText()).contains("Holiday reading");
        assertThat(itemFor(browser, lighthouse)
                        .findElement(By.tagName("textarea"))
                        .getAttribute("value"))
                .isEqualTo("Read this on the ferry");
        browser.screenshot("reading-list-collection-and-note");

        browser.follow(By.cssSelector("[data-collection-link]"));
        assertThat(browser.find(By.cssSelector("[data-reading-list]")).getText())
                .contains("The last lighthouse keepers of the Atlantic")
                .doesNotContain("The budget in ten charts");
        browser.find(By.id("reading-list-q")).sendKeys("rock and a lamp");
        browser.follow(By.cssSelector(".reading-list__search button[type=submit]"));
        List<WebElement> found = browser.findAll(By.cssSelector("[data-reading-list] > li"));
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().getText()).contains("The last lighthouse keepers of the Atlantic");
        browser.screenshot("reading-list-search");

        browser.open("/reading-list?q=" + "%25%27%22%3C%3E");
        assertThat(browser.find(By.cssSelector("[data-empty]")).getText()).startsWith("Nothing saved matches");
    }

    @Test
    void aMemberWhoMarksOrRemovesAnArticleFarDownTheListStaysThereAndIsToldWhatHappened(Browser browser) {
        Section section = content.section(TestContent.unique("Place"));
        TestAccounts.Credentials member = accounts.create(true);
        members.makePremium(member.id());
        List<Long> saved = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            long article = content.article(section)
                    .slug(TestContent.unique("place"))
                    .headline("Saved story number " + i)
                    .standfirst("A standfirst long enough to give the list some height, as real ones do")
                    .published();
            members.save(member.id(), article);
            saved.add(article);
        }
        // Newest saved first: the fifth item down is the second saved, and the first saved follows it.
        long fifth = saved.get(1);
        long sixth = saved.get(0);
        browser.signIn(member);
        browser.open("/reading-list?sort=saved");

        browser.submitAndReturn(By.cssSelector("#saved-" + fifth + " form[action$='/read'] button"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/reading-list#saved-" + fifth);
        assertThat(itemFor(browser, fifth)
                        .findElement(By.cssSelector("[data-notice]"))
                        .getText())
                .isEqualTo("Marked as read");
        assertThat(browser.focused().getAttribute("id"))
                .as("the keyboard goes on from the article it was at")
                .isEqualTo("saved-" + fifth);
        assertThat(inView(browser, fifth))
                .as("the article is on screen, not the top of the list")
                .isTrue();
        browser.screenshot("reading-list-marked-read");

        browser.submitAndReturn(By.cssSelector("#saved-" + fifth + " [data-unsave] button"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("#saved-" + sixth);
        assertThat(browser.findAll(By.id("saved-" + fifth))).isEmpty();
        assertThat(itemFor(browser, sixth)
                        .findElement(By.cssSelector("[data-notice]"))
                        .getText())
                .isEqualTo("Removed from your reading list: Saved story number 2");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("saved-" + sixth);
        assertThat(inView(browser, sixth)).isTrue();
        browser.screenshot("reading-list-removed");

        // The last article gone, nothing follows it: the reader is taken to the list's heading, told there.
        browser.submitAndReturn(By.cssSelector("#saved-" + sixth + " [data-unsave] button"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/reading-list#reading-list-heading");
        assertThat(browser.find(By.cssSelector("[data-notice]")).getText())
                .isEqualTo("Removed from your reading list: Saved story number 1");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("reading-list-heading");
        browser.screenshot("reading-list-removed-last");
    }

    @Test
    void aMemberReadsASavedArticleOfflineAndAnUnsavedOneShowsTheOfflinePage(Browser browser) {
        Section section = content.section(TestContent.unique("Offline"));
        long saved = content.article(section)
                .slug(TestContent.unique("offline-saved"))
                .headline("Night ferries are coming back")
                .standfirst("Sleeper boats across the North Sea")
                .body("The first crossing leaves on Friday.\n\nCabins are already booked out.")
                .image(content.image("A ferry at dusk"))
                .published();
        long unsaved = content.article(section)
                .slug(TestContent.unique("offline-unsaved"))
                .headline("A story nobody saved")
                .published();
        TestAccounts.Credentials member = accounts.create(true);
        members.makePremium(member.id());
        browser.signIn(member);
        String savedPath = addresses.pathOf(saved).orElseThrow();
        String unsavedPath = addresses.pathOf(unsaved).orElseThrow();
        save(browser, saved);

        browser.open("/reading-list");
        waitFor(browser, d -> {
            String count =
                    d.findElement(By.cssSelector("[data-offline-status]")).getAttribute("data-offline-count");
            return count != null && Integer.parseInt(count) >= 1 ? count : null;
        });
        assertThat(browser.find(By.cssSelector("[data-offline-status]")).getText())
                .isEqualTo("1 saved article is ready to read offline on this device.");
        browser.screenshot("reading-list-ready-offline");
        browser.open(savedPath);

        // Offline as DevTools makes it: the page through ChromeDriver, its service worker through its own target.
        ChromiumDriver chromium = (ChromiumDriver) browser.driver();
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        chromium.setNetworkConditions(offline);
        try (ServiceWorkerNetwork workers = ServiceWorkerNetwork.of(browser)) {
            assertThat(workers.offline(true))
                    .as("the site's service worker is running")
                    .isEqualTo(1);
            assertThat(browser.script(
                            "return fetch('/sw.js', {cache: 'no-store'}).then(() => 'online', () => 'offline')"))
                    .as("the browser is offline")
                    .isEqualTo("offline");
            browser.driver().navigate().refresh();
            browser.settled();
            assertThat(browser.heading()).isEqualTo("Night ferries are coming back");
            assertThat(browser.find(By.tagName("main")).getText()).contains("Cabins are already booked out.");
            assertThat(
                            browser.script(
                                    "var img = document.querySelector('main img'); return img.complete && img.naturalWidth > 0;"))
                    .as("the article's picture is shown offline")
                    .isEqualTo(true);
            browser.checkAccessibility();
            browser.screenshot("reading-list-offline-article");

            browser.open(unsavedPath);
            assertThat(browser.heading()).isEqualTo("You are offline");
            assertThat(browser.path()).isEqualTo(unsavedPath);
            WebElement keptList = waitFor(browser, d -> {
                WebElement list = d.findElement(By.cssSelector("[data-offline-list]"));
                return list.isDisplayed() ? list : null;
            });
            assertThat(keptList.getText()).contains("Night ferries are coming back");
            browser.screenshot("reading-list-offline-page");

            browser.follow(keptList.findElement(By.tagName("a")));
            assertThat(browser.heading()).isEqualTo("Night ferries are coming back");
            workers.offline(false);
        } finally {
            chromium.deleteNetworkConditions();
        }

        browser.open("/account");
        browser.submitAndReturn(By.cssSelector(".masthead__signout button"));
        waitFor(
                browser,
                d -> Boolean.TRUE.equals(browser.script(
                                "return caches.keys().then(k => k.every(n => n.indexOf('masthead-offline') < 0))"))
                        ? true
                        : null);
    }

    @Test
    void aReaderWithoutPremiumGetsNoWorkerAndNothingKept(Browser browser) {
        Section section = content.section(TestContent.unique("Free"));
        long article = content.article(section)
                .slug(TestContent.unique("free"))
                .headline("Free to read, not kept")
                .published();
        browser.signIn(accounts.create(true));

        browser.open(addresses.pathOf(article).orElseThrow());
        browser.open("/");
        browser.open(addresses.pathOf(article).orElseThrow());

        assertThat(browser.script("return navigator.serviceWorker.getRegistrations().then(r => r.length)"))
                .isEqualTo(0L);
        assertThat(browser.script("return caches.keys().then(k => k.length)")).isEqualTo(0L);
    }

    private void save(Browser browser, long article) {
        browser.open(addresses.pathOf(article).orElseThrow());
        waitFor(browser, d -> d.findElement(By.cssSelector("[data-save-button]")))
                .click();
        waitFor(
                browser,
                d -> "Saved"
                                .equals(d.findElement(By.cssSelector("[data-save-button]"))
                                        .getText())
                        ? true
                        : null);
    }

    /** Whether the top of the article's item is within the window, where the reader is looking. */
    private static boolean inView(Browser browser, long article) {
        return Boolean.TRUE.equals(browser.script(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight"
                        + " && window.scrollY > 0",
                itemFor(browser, article)));
    }

    private static WebElement itemFor(Browser browser, long article) {
        return browser.find(By.id("saved-" + article));
    }

    private static <T> T waitFor(Browser browser, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver(), WAIT)
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }
}
