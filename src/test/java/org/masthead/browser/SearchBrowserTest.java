package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader searches for a word, narrows the results to a section and opens one. */
@BrowserJourney
class SearchBrowserTest {

    @Autowired
    TestContent content;

    @LocalServerPort
    int port;

    @Test
    void readerSearchesAWordFiltersBySectionAndOpensAResult(Browser browser) {
        String word = "Glaciology" + letters();
        Section science = content.section("Science");
        Section travel = content.section("Travel");
        Instant now = Instant.now();
        content.article(science)
                .headline(word + ": the shrinking ice of the Alps")
                .body("Measurements of " + word + " across forty glaciers show the loss speeding up.")
                .publishedAt(now.minus(2, ChronoUnit.HOURS));
        content.article(travel)
                .headline("Walking the glaciers before they go")
                .body("A guide to " + word + " for hikers who want to see the ice.")
                .publishedAt(now.minus(1, ChronoUnit.HOURS));
        Http http = new Http(port);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/search?q=" + word).body().contains("2 results"));

        browser.open("/");
        browser.find(By.id("masthead-search")).sendKeys(word);
        browser.follow(By.cssSelector(".masthead__search-button"));

        assertThat(browser.path()).isEqualTo("/search?q=" + word);
        assertThat(browser.find(By.cssSelector("[data-result-count]")).getText())
                .isEqualTo("2 results");
        assertThat(headlines(browser))
                .containsExactly(word + ": the shrinking ice of the Alps", "Walking the glaciers before they go");
        assertThat(browser.find(By.cssSelector(".search__snippet mark")).getText())
                .isEqualToIgnoringCase(word);
        browser.screenshot("search-results");

        new Select(browser.find(By.id("search-section"))).selectByVisibleText("Travel");
        browser.follow(By.cssSelector(".search__form button[type=submit]"));

        assertThat(browser.find(By.cssSelector("[data-result-count]")).getText())
                .isEqualTo("1 result");
        assertThat(headlines(browser)).containsExactly("Walking the glaciers before they go");
        browser.screenshot("search-filtered");

        browser.follow(By.cssSelector(".search__result .card__headline a"));
        assertThat(browser.heading()).isEqualTo("Walking the glaciers before they go");
    }

    @Test
    void theSearchBoxSuggestsWhileTheReaderTypesDespiteATypo(Browser browser) {
        String word = "Kilimanjaro" + letters();
        content.article(content.section("Africa"))
                .headline("Snows of " + word + " vanish")
                .published();
        Http http = new Http(port);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/search/suggestions?q=" + word).body().contains("vanish"));

        browser.open("/search");
        String typed = "snows of " + word.substring(0, word.length() - 2);
        browser.find(By.id("search-words")).sendKeys(typed);

        WebElement box = browser.find(By.id("search-words"));
        assertThat(shownSuggestion(browser).getText()).startsWith("Snows of " + word + " vanish");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        box.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(box.getAttribute("value"))
                .as("Escape closes the suggestions and keeps what the reader typed")
                .isEqualTo(typed);
        box.sendKeys(" ");
        WebElement suggestion = shownSuggestion(browser);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        // By keyboard, as a screen reader's user chooses: down to the suggestion, Enter to open it.
        box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(suggestion.getAttribute("id"));
        assertThat(suggestion.getAttribute("aria-selected")).isEqualTo("true");
        browser.checkAccessibility();
        browser.screenshot("search-suggestions");
        WebElement page = browser.find(By.tagName("html"));
        box.sendKeys(org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.findElements(By.tagName("h1")).stream()
                .anyMatch(h1 -> h1.getText().equals("Snows of " + word + " vanish")));
    }

    private static WebElement shownSuggestion(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(d -> d.findElements(By.cssSelector(".search-suggestions [role=option]")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    }

    /** Letters no other test's article has, as search needs: digits would be words of their own. */
    private static String letters() {
        StringBuilder letters = new StringBuilder();
        for (char c : TestContent.unique("").toCharArray()) {
            if (Character.isDigit(c)) {
                letters.append((char) ('a' + (c - '0')));
            }
        }
        return letters.toString();
    }

    private static List<String> headlines(Browser browser) {
        return browser.findAll(By.cssSelector(".search__result .card__headline a")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
