package org.masthead.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.discovery.internal.ActivityCounter;
import org.masthead.discussion.TestDiscussion;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;
import org.masthead.newsroom.TestContent;
import org.masthead.platform.PageCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Most read, most commented and related stories, as readers see them on the home and article pages. */
@MastheadTest
class WhatOthersReadTest {

    private static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36";

    @Autowired
    TestContent content;

    @Autowired
    TestDiscussion discussion;

    @Autowired
    ActivityCounter counter;

    @Autowired
    PageCache pageCache;

    @Autowired
    JdbcClient db;

    @LocalServerPort
    int port;

    Http http;
    Section section;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        section = content.section("Trending");
    }

    @Test
    void readingsFromBrowsersAreCountedAndFlushedButNotFromBots() {
        long article = content.article(section).headline("Counted story").published();

        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/views/" + article, "User-Agent", BROWSER).statusCode())
                    .isEqualTo(204);
        }
        assertThat(http.get("/views/" + article, "User-Agent", "Googlebot/2.1 (+http://www.google.com/bot.html)")
                        .statusCode())
                .isEqualTo(204);
        assertThat(http.get("/views/" + article, "User-Agent", "curl/8.5.0").statusCode())
                .isEqualTo(204);
        assertThat(http.head("/views/" + article, "User-Agent", BROWSER).statusCode())
                .as("a HEAD, from a link checker, answered but not counted")
                .isEqualTo(204);
        assertThat(http.get("/views/" + article, "User-Agent", BROWSER)
                        .headers()
                        .firstValue("Cache-Control"))
                .hasValue("no-store");
        counter.flush();

        assertThat(db.sql("SELECT coalesce(sum(views), 0) FROM article_activity WHERE article_id = :id")
                        .param("id", article)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        assertThat(http.get("/views/not-a-number", "User-Agent", BROWSER).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theMostReadAndMostCommentedStoriesOfTheDayAreOnTheHomePageAndBesideArticles() {
        long popular = content.article(section).headline("Everyone reads this").published();
        long lessPopular = content.article(section).headline("Some read this").published();
        long discussed =
                content.article(section).headline("Everyone argues about this").published();
        for (int i = 0; i < 500; i++) {
            http.get("/views/" + popular, "User-Agent", BROWSER);
        }
        for (int i = 0; i < 300; i++) {
            http.get("/views/" + lessPopular, "User-Agent", BROWSER);
        }
        counter.flush();
        for (int i = 0; i < 40; i++) {
            discussion.publish(discussion.comment(discussed, TestDiscussion.newId()));
        }
        counter.flush();

        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            pageCache.evictAll();
            String home = http.get("/").body();
            assertThat(listed(home, "data-most-read")).startsWith("Everyone reads this", "Some read this");
            assertThat(listed(home, "data-most-commented")).startsWith("Everyone argues about this");
        });
        String articlePage = http.get(pathOf(discussed)).body();
        assertThat(listed(articlePage, "data-most-read")).startsWith("Everyone reads this");
    }

    @Test
    void relatedStoriesShareTopicsOrWordsNotJustTheSectionAndFollowNewPublications() {
        Tag volcanoes = content.tag("Volcanoes");
        long story = content.article(section)
                .headline("Iceland volcano erupts near fishing town")
                .tagged(volcanoes)
                .published();
        // Read once before the others exist, so that a node that kept this answer must learn of them.
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        http.get(pathOf(story)).statusCode())
                .isEqualTo(200));
        content.article(section)
                .headline("Lava reaches the sea")
                .tagged(volcanoes)
                .published();
        content.article(section)
                .headline("Fishing town evacuated as volcano rumbles")
                .published();
        content.article(section).headline("Cricket scores from the weekend").published();

        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            pageCache.evictAll();
            List<String> related = related(http.get(pathOf(story)).body());
            assertThat(related)
                    .contains("Lava reaches the sea", "Fishing town evacuated as volcano rumbles")
                    .doesNotContain("Cricket scores from the weekend", "Iceland volcano erupts near fishing town");
        });
    }

    private String pathOf(long articleId) {
        return db.sql(
                        """
                        SELECT '/' || s.path || '/' || lower(to_char(a.published_at AT TIME ZONE 'Europe/London', 'YYYY/Mon/DD'))
                               || '/' || a.slug
                        FROM article a JOIN section s ON s.id = a.section_id WHERE a.id = :id""")
                .param("id", articleId)
                .query(String.class)
                .single();
    }

    private static List<String> listed(String page, String block) {
        int start = page.indexOf(block);
        assertThat(start).as(block + " on the page").isPositive();
        String list = page.substring(start, page.indexOf("</ol>", start));
        return linkTexts(list);
    }

    private static List<String> related(String page) {
        int start = page.indexOf("id=\"related-title\"");
        if (start < 0) {
            return List.of();
        }
        String block = page.substring(start, page.indexOf("</aside>", start));
        Matcher m = Pattern.compile("class=\"card__headline\">([^<]*)<").matcher(block);
        List<String> headlines = new java.util.ArrayList<>();
        while (m.find()) {
            headlines.add(m.group(1));
        }
        return headlines;
    }

    private static List<String> linkTexts(String html) {
        Matcher m = Pattern.compile("<a [^>]*>([^<]*)</a>").matcher(html);
        List<String> texts = new java.util.ArrayList<>();
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }
}
