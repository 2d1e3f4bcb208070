package org.masthead.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

@MastheadTest
class StaticAssetsTest {

    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/site-[0-9a-f]{32}\\.css)\"");
    private static final Pattern SCRIPT = Pattern.compile("src=\"(/js/live-[0-9a-f]{32}\\.js)\"");

    @LocalServerPort
    int port;

    @Autowired
    ResourceUrlProvider resourceUrls;

    @Test
    void pagesLinkAssetsByTheirContentAndBrowsersKeepThemForAYear() {
        Http http = new Http(port);
        String home = http.get("/").body();

        for (Pattern asset : new Pattern[] {STYLESHEET, SCRIPT}) {
            Matcher link = asset.matcher(home);
            assertThat(link.find()).as("the home page links %s", asset).isTrue();
            HttpResponse<String> response = http.get(link.group(1));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control").orElseThrow())
                    .contains("max-age=31536000")
                    .contains("public")
                    .contains("immutable");
        }
    }

    /**
     * Every link a page builds is offered to the resource chain; only links into the asset trees may reach
     * it, or rendering a page looks each of its links up in the jar.
     */
    @Test
    void onlyTheAssetTreesAreStaticFiles() {
        assertThat(resourceUrls.getHandlerMap().keySet())
                .map(Object::toString)
                .containsExactlyInAnyOrder("/css/**", "/js/**", "/img/**");
    }
}
