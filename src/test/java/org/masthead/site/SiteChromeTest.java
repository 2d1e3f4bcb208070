package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The masthead, navigation and footer every page shares are kept once rendered (SiteChrome), in an application
 * whose clock a test moves on and whose pages are rendered for each request.
 */
@MastheadTest
@TestPropertySource(properties = "masthead.page-cache.enabled=false")
class SiteChromeTest {

    private static final MovableClock CLOCK = new MovableClock();
    private static final Pattern MASTHEAD_DATE = Pattern.compile("<p class=\"masthead__date\">([^<]*)</p>");

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @Autowired
    Dates dates;

    @LocalServerPort
    int port;

    @AfterEach
    void backToNow() {
        CLOCK.offset = Duration.ZERO;
    }

    @Test
    void theMastheadShowsTheNewDayOnceItComes() {
        Http http = new Http(port);
        String today = dates.day(CLOCK.instant());
        assertThat(mastheadDate(http.get("/").body())).isEqualTo(today);

        CLOCK.offset = Duration.ofDays(1);

        String tomorrow = dates.day(CLOCK.instant());
        assertThat(tomorrow).isNotEqualTo(today);
        assertThat(mastheadDate(http.get("/").body())).isEqualTo(tomorrow);
        assertThat(mastheadDate(http.get("/signin").body())).isEqualTo(tomorrow);
    }

    @Test
    void everyPageLoadsTheSitesStylesAndScriptsAtTheirVersionedAddresses() {
        String page = new Http(port).get("/signin").body();

        assertThat(page)
                .containsPattern("<link rel=\"stylesheet\" href=\"/css/site-[0-9a-f]{32}\\.css\">")
                .containsPattern("<script src=\"/js/masthead-[0-9a-f]{32}\\.js\" defer></script>")
                .contains("<a class=\"masthead__title\" href=\"/\">The Masthead</a>")
                .contains("is free to read. Powered by Masthead");
    }

    private static String mastheadDate(String page) {
        Matcher date = MASTHEAD_DATE.matcher(page);
        assertThat(date.find()).as("a masthead date on the page").isTrue();
        return date.group(1);
    }
}
