package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MastheadTest
class FeedsAndSitemapsTest {

    @Autowired
    TestContent content;

    @LocalServerPort
    int port;

    Http http;
    Section climate;
    Tag tag;
    Author author;
    String freshSlug;
    String oldSlug;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        http = new Http(port);
        climate = content.section("Climate");
        tag = content.tag("Flooding");
        author = content.author("Tom Ellery");
        freshSlug = TestContent.unique("river-levels-rise");
        oldSlug = TestContent.unique("drought-warning");
        content.article(climate)
                .slug(freshSlug)
                .headline("River levels rise & towns prepare")
                .tagged(tag)
                .by(author)
                .publishedAt(now.minus(2, ChronoUnit.HOURS));
        content.article(climate)
                .slug(oldSlug)
                .headline("Drought warning issued")
                .publishedAt(now.minus(5, ChronoUnit.DAYS));
    }

    @Test
    void sectionFeedListsItsArticlesNewestFirst() throws Exception {
        HttpResponse<String> response = http.get("/" + climate.path() + "/rss");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
        assertThat(feed.getTitle()).isEqualTo("Climate | The Masthead");
        assertThat(feed.getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly("River levels rise & towns prepare", "Drought warning issued");
        assertThat(feed.getEntries().getFirst().getLink())
                .endsWith("/" + freshSlug)
                .startsWith("http://localhost:8080/");
    }

    @Test
    void siteTopicAndAuthorFeedsExist() throws Exception {
        SyndFeed site =
                new SyndFeedInput().build(new StringReader(http.get("/rss").body()));
        SyndFeed topic = new SyndFeedInput()
                .build(new StringReader(
                        http.get("/topic/" + tag.slug() + "/rss").body()));
        SyndFeed byAuthor = new SyndFeedInput()
                .build(new StringReader(
                        http.get("/author/" + author.slug() + "/rss").body()));

        assertThat(site.getEntries()).isNotEmpty();
        assertThat(topic.getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly("River levels rise & towns prepare");
        assertThat(byAuthor.getEntries()).hasSize(1);
        assertThat(http.get("/topic/nothing-here/rss").statusCode()).isEqualTo(404);
    }

    @Test
    void robotsTxtPointsCrawlersToTheSitemaps() {
        HttpResponse<String> robots = http.get("/robots.txt");

        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.body())
                .contains("Sitemap: http://localhost:8080/sitemap.xml")
                .contains("User-agent: *");
        assertThat(http.get("/").body())
                .as("the sitemap is for crawlers: a reader following a footer link to it would see raw XML")
                .doesNotContain("href=\"/sitemap.xml\"");
    }

    @Test
    void sitemapIndexLeadsToEveryArticle() {
        String index = http.get("/sitemap.xml").body();
        String month = YearMonth.from(now.minus(5, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
                .toString();

        assertThat(index)
                .contains("<sitemapindex")
                .contains("/sitemaps/news.xml")
                .contains("/sitemaps/articles/" + month + ".xml");
        String monthly = http.get("/sitemaps/articles/" + month + ".xml").body();
        assertThat(monthly).contains("/" + oldSlug + "</loc>").contains("<lastmod>");
        assertThat(http.get("/sitemaps/articles/1999-01.xml").statusCode()).isEqualTo(404);
        assertThat(http.get("/sitemaps/articles/2026-13.xml").statusCode()).isEqualTo(404);
        assertThat(http.get("/sitemaps/sections.xml").body()).contains("/" + climate.path() + "</loc>");
    }

    @Test
    void newsSitemapHasOnlyTheLast48Hours() {
        String news = http.get("/sitemaps/news.xml").body();

        assertThat(news)
                .contains("xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"")
                .contains("/" + freshSlug + "</loc>")
                .contains("<news:title>River levels rise &amp; towns prepare</news:title>")
                .contains("<news:name>The Masthead</news:name>")
                .doesNotContain(oldSlug);
    }
}
