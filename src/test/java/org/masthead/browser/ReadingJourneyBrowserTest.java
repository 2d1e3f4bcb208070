package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.Http;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;
import org.masthead.newsroom.TestContent;
import org.masthead.site.Links;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader finds a story from the front page and reads around it, in a real browser. */
@BrowserJourney
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingJourneyBrowserTest {

    static final String HEADLINE = "Voters queue for hours as polls open across the region";
    static final String STANDFIRST = "Turnout is expected to break records, officials say, despite the heat.";
    static final String ALT_TEXT = "A long queue of voters outside a school used as a polling station";
    static final String ALSO_TAGGED = "Observers report a calm first day of voting";
    static final String ALSO_TAGGED_ELSEWHERE = "What the region’s elections mean for trade";

    @Autowired
    TestContent content;

    @Autowired
    PublishedContent published;

    @Autowired
    Links links;

    @LocalServerPort
    int port;

    Section world;
    Section asia;
    Author author;
    Tag elections;
    Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
    String storyPath;

    // Content is made once: every test reads the same paper, as readers do.
    @BeforeAll
    void publishTheDaysNews() {
        world = content.section("World");
        asia = content.subSection(world, "Asia");
        author = content.author("Amara Okafor");
        elections = content.tag("Elections");
        String slug = TestContent.unique("voters-queue");
        content.article(asia)
                .slug(slug)
                .headline(HEADLINE)
                .standfirst(STANDFIRST)
                .body("Queues formed before dawn.\n\nPolling stations close at 8pm.")
                .by(author)
                .tagged(elections)
                .image(content.image(ALT_TEXT))
                .publishedAt(publishedAt);
        content.article(asia)
                .headline(ALSO_TAGGED)
                .by(author)
                .tagged(elections)
                .image(content.image("Election observers in blue vests"))
                .publishedAt(publishedAt.minus(2, ChronoUnit.HOURS));
        content.article(world)
                .headline(ALSO_TAGGED_ELSEWHERE)
                .tagged(elections)
                .image(content.image("Containers stacked at a port"))
                .publishedAt(publishedAt.minus(3, ChronoUnit.HOURS));
        content.article(world)
                .headline("Heatwave grips the capital for a fifth day")
                .image(content.image("People shelter from the sun under trees"))
                .publishedAt(publishedAt.minus(4, ChronoUnit.HOURS));
        storyPath = links.article(published.article(slug).orElseThrow());
    }

    @Test
    void readerFollowsASectionToAnArticle(Browser browser) {
        browser.open("/");
        browser.screenshot("home");

        WebElement worldLink =
                browser.find(By.cssSelector("nav[aria-label='Sections'] a[href='/" + world.path() + "']"));
        assertThat(worldLink.getText()).isEqualTo("World");
        browser.follow(worldLink);
        browser.screenshot("section");

        assertThat(browser.path()).isEqualTo("/" + world.path());
        assertThat(browser.heading()).isEqualTo("World");
        assertThat(browser.find(By.cssSelector(".subnav a")).getText()).isEqualTo("Asia");
        browser.follow(card(browser, HEADLINE).findElement(By.cssSelector(".card__link")));
        browser.screenshot("article");

        assertThat(browser.path()).isEqualTo(storyPath);
        assertThat(browser.title()).startsWith(HEADLINE);
        assertThat(browser.heading()).isEqualTo(HEADLINE);
        assertThat(browser.find(By.cssSelector(".article__standfirst")).getText())
                .isEqualTo(STANDFIRST);
        assertThat(texts(browser, ".breadcrumbs a")).containsExactly("World", "Asia");
    }

    @Test
    void onAPhoneTheFrontPageIsCompact(Browser browser) {
        browser.resizeViewport(Browser.PHONE);

        browser.open("/");

        assertThat(((Number) browser.script(
                                "return document.querySelector('header.masthead').getBoundingClientRect().height"))
                        .intValue())
                .as("height of the masthead with the sections, in pixels")
                .isLessThanOrEqualTo(120);
        List<WebElement> pictured = browser.findAll(By.cssSelector(".card--medium, .card--compact")).stream()
                .filter(card ->
                        !card.findElements(By.cssSelector(".card__image")).isEmpty())
                .toList();
        assertThat(pictured).as("cards with pictures below the lead").isNotEmpty();
        for (WebElement card : pictured) {
            WebElement image = card.findElement(By.cssSelector(".card__image"));
            WebElement headline = card.findElement(By.cssSelector(".card__headline"));
            assertThat(image.getRect().getWidth())
                    .as("picture width beside \"%s\"", headline.getText())
                    .isLessThanOrEqualTo(128);
            assertThat(image.getRect().getX())
                    .as("picture beside, not above, \"%s\"", headline.getText())
                    .isGreaterThanOrEqualTo(
                            headline.getRect().getX() + headline.getRect().getWidth());
        }
        browser.screenshot("home-compact");
    }

    @Test
    void readerSeesWhoWroteTheArticleWhenAndAboutWhat(Browser browser) {
        browser.open(storyPath);

        WebElement byline = browser.find(By.cssSelector(".article__byline a[rel='author']"));
        assertThat(byline.getText()).isEqualTo("Amara Okafor");
        assertThat(byline.getDomAttribute("href")).isEqualTo("/author/" + author.slug());

        WebElement time = browser.find(By.cssSelector(".article__dateline time"));
        assertThat(OffsetDateTime.parse(time.getDomAttribute("datetime")).toInstant())
                .isEqualTo(publishedAt);
        assertThat(time.getText()).isNotBlank();

        WebElement image = browser.find(By.cssSelector(".article__figure img"));
        assertThat(image.getDomAttribute("alt")).isEqualTo(ALT_TEXT);
        assertThat(browser.script("return arguments[0].complete && arguments[0].naturalWidth", image))
                .as("the main image has loaded")
                .isNotEqualTo(0L)
                .isNotEqualTo(false);
        assertThat(browser.find(By.cssSelector(".article__figure figcaption")).getText())
                .contains("A caption for " + ALT_TEXT)
                .contains("Photograph: Test");

        WebElement tag = browser.find(By.cssSelector(".tags a"));
        assertThat(tag.getText()).isEqualTo("Elections");
        assertThat(tag.getDomAttribute("href")).isEqualTo("/topic/" + elections.slug());

        assertThat(browser.find(By.cssSelector(".related h2")).getText()).isEqualTo("More on this story");
        assertThat(texts(browser, ".related .card__headline"))
                .contains(ALSO_TAGGED, ALSO_TAGGED_ELSEWHERE)
                .doesNotContain(HEADLINE);
    }

    @Test
    void readerFollowsTheBylineToTheAuthorAndATagToTheTopic(Browser browser) {
        browser.open(storyPath);

        browser.follow(By.cssSelector(".article__byline a[rel='author']"));
        browser.screenshot("author");

        assertThat(browser.path()).isEqualTo("/author/" + author.slug());
        assertThat(browser.heading()).isEqualTo("Amara Okafor");
        assertThat(browser.find(By.cssSelector(".profile__title")).getText()).isEqualTo("Correspondent");
        assertThat(texts(browser, ".card__headline")).containsExactly(HEADLINE, ALSO_TAGGED);

        browser.back();
        assertThat(browser.path()).isEqualTo(storyPath);
        browser.follow(By.cssSelector(".tags a"));
        browser.screenshot("topic");

        assertThat(browser.path()).isEqualTo("/topic/" + elections.slug());
        assertThat(browser.heading()).isEqualTo("Elections");
        assertThat(texts(browser, ".card__headline")).containsExactly(HEADLINE, ALSO_TAGGED, ALSO_TAGGED_ELSEWHERE);
    }

    @Test
    void unknownAddressShowsAHelpfulNotFoundPage(Browser browser) {
        String path = "/" + TestContent.unique("no-such-page");

        browser.open(path);
        browser.screenshot("not-found");

        assertThat(new Http(port).get(path, "Accept", "text/html").statusCode()).isEqualTo(404);
        assertThat(browser.path()).as("the address stays as typed").isEqualTo(path);
        assertThat(browser.heading()).contains("couldn’t find that page");
        assertThat(browser.find(By.cssSelector("main a[href='/']")).getText()).contains("front page");
        assertThat(browser.findAll(By.cssSelector("main a[href='/" + world.path() + "']")))
                .as("a way into each section")
                .hasSize(1);
    }

    @Test
    void firstTabReachesTheSkipLinkWhichMovesFocusToTheMainContent(Browser browser) {
        for (String path : new String[] {"/", storyPath}) {
            browser.open(path);

            WebElement skipLink = browser.pressTab();
            assertThat(skipLink.getText()).as("first focus on %s", path).isEqualTo("Skip to main content");
            assertThat(skipLink.isDisplayed()).isTrue();
            assertThat(skipLink.getRect().getY())
                    .as("skip link is on screen when focused")
                    .isNotNegative();

            WebElement afterSkipping = browser.pressEnter();
            assertThat(afterSkipping.getTagName()).isEqualTo("main");
            assertThat(browser.path()).isEqualTo(path);
        }
    }

    private static WebElement card(Browser browser, String headline) {
        return browser.findAll(By.cssSelector(".card")).stream()
                .filter(card -> card.findElement(By.cssSelector(".card__headline"))
                        .getText()
                        .equals(headline))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No card headed \"" + headline + "\" on " + browser.path()));
    }

    private static List<String> texts(Browser browser, String css) {
        return browser.findAll(By.cssSelector(css)).stream()
                .map(WebElement::getText)
                .toList();
    }
}
