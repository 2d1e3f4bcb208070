package org.masthead.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The newspaper as readers meet it.
 *
 * @param name the title in the masthead, page titles and feeds
 * @param tagline a line about the paper, used as the home page's description
 * @param baseUrl the public address of the site, used for canonical links, feeds and sitemaps: an absolute
 *     {@code http(s)://} address, such as {@code https://news.example.org}
 * @param timeZone the zone in which dates are shown and article URLs are dated
 * @param locale how dates are written: the names of months and days and, outside English, the time of day
 *     ({@code de-DE}: "So. 6 Dez. 2026 16:39 GMT"); the site's own words stay English (see {@link #language()})
 * @param securityContact where to report a security problem, as {@code /.well-known/security.txt}
 *     says: a {@code mailto:} or {@code https:} address (a bare e-mail address is taken as mailto);
 *     empty for {@code security@} the site's host
 */
@ConfigurationProperties("masthead.site")
public record SiteProperties(
        @DefaultValue("The Masthead") String name,
        @DefaultValue("Independent journalism, free to read, funded by its readers") String tagline,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("Europe/London") ZoneId timeZone,
        @DefaultValue("en-GB") Locale locale,
        @DefaultValue("") String securityContact) {

    public SiteProperties {
        baseUrl = baseUrl.strip();
        if (!isAbsoluteHttpAddress(baseUrl)) {
            throw new IllegalArgumentException("masthead.site.base-url (MASTHEAD_BASE_URL) must be the site's public"
                    + " address with its scheme, such as https://news.example.org, not \"" + baseUrl + "\"");
        }
        securityContact = securityContact.strip();
        if (!securityContact.isEmpty() && securityContact.indexOf(':') < 0) {
            securityContact = "mailto:" + securityContact;
        }
        if (!securityContact.isEmpty()
                && !securityContact.startsWith("mailto:")
                && !securityContact.startsWith("https://")) {
            throw new IllegalArgumentException(
                    "masthead.site.security-contact must be an e-mail address or an https:// address");
        }
    }

    private static boolean isAbsoluteHttpAddress(String address) {
        try {
            URI uri = new URI(address);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The language the site's words are written in, for {@code <html lang>}, feeds and sitemaps: English, so
     * that a screen reader reads them as English. The locale itself when it is an English one ({@code en-GB},
     * {@code en-US}), plain English otherwise: a German locale changes the dates, not the words.
     */
    public Locale language() {
        return isEnglish() ? locale : Locale.ENGLISH;
    }

    /**
     * A moment as pages show it in full, "Sun 6 Dec 2026 16.39 GMT": the time of day in the house style
     * "16.39" in English, in the locale's own short form elsewhere ("So. 6 Dez. 2026 16:39 GMT").
     */
    public DateTimeFormatter dateAndTime() {
        String timeOfDay = isEnglish()
                ? "HH.mm"
                : DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                        null, FormatStyle.SHORT, IsoChronology.INSTANCE, locale);
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy " + timeOfDay + " zzz", locale);
    }

    private boolean isEnglish() {
        return locale.getLanguage().equals(Locale.ENGLISH.getLanguage());
    }

    /** The base URL without a trailing slash. */
    public String origin() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Where to report a security problem: as configured, or {@code security@} the site's host. */
    @Override
    public String securityContact() {
        return securityContact.isEmpty()
                ? "mailto:security@" + URI.create(origin()).getHost()
                : securityContact;
    }
}
