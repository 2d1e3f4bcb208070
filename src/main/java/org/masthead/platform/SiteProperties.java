package org.masthead.platform;

import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The newspaper as readers meet it.
 *
 * @param name the title in the masthead, page titles and feeds
 * @param tagline a line about the paper, used as the home page's description
 * @param baseUrl the public address of the site, used for canonical links, feeds and sitemaps
 * @param timeZone the zone in which dates are shown and article URLs are dated
 * @param locale the language of the site
 */
@ConfigurationProperties("masthead.site")
public record SiteProperties(
        @DefaultValue("The Masthead") String name,
        @DefaultValue("Independent journalism, free to read, funded by its readers") String tagline,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("Europe/London") ZoneId timeZone,
        @DefaultValue("en-GB") Locale locale) {

    /** The base URL without a trailing slash. */
    public String origin() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
