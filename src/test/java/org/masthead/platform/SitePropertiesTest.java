package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SitePropertiesTest {

    @Test
    void securityReportsGoToSecurityAtTheSitesHostUnlessConfigured() {
        assertThat(site("").securityContact()).isEqualTo("mailto:security@news.example");
        assertThat(site("abuse@paper.example").securityContact()).isEqualTo("mailto:abuse@paper.example");
        assertThat(site("https://paper.example/report").securityContact()).isEqualTo("https://paper.example/report");
    }

    @Test
    void aContactThatIsNeitherMailNorHttpsIsRefusedAtStart() {
        assertThatThrownBy(() -> site("http://paper.example/report")).hasMessageContaining("security-contact");
    }

    @Test
    void aBaseUrlWithoutItsSchemeIsRefusedAtStartNamingTheSetting() {
        assertThatThrownBy(() -> new SiteProperties(
                        "The Paper", "News", "news.example.org", ZoneId.of("Europe/London"), Locale.UK, ""))
                .hasMessageContaining("masthead.site.base-url")
                .hasMessageContaining("MASTHEAD_BASE_URL")
                .hasMessageContaining("https://news.example.org");
        assertThatThrownBy(() -> new SiteProperties(
                        "The Paper", "News", "ftp://news.example.org", ZoneId.of("Europe/London"), Locale.UK, ""))
                .hasMessageContaining("masthead.site.base-url");
    }

    /** The pages are written in English: a German locale must not make screen readers read them as German. */
    @Test
    void theSitesWordsAreEnglishWhateverLocaleTheDatesAreWrittenIn() {
        assertThat(siteIn("de-DE").language().toLanguageTag()).isEqualTo("en");
        assertThat(siteIn("fr-FR").language().toLanguageTag()).isEqualTo("en");
        assertThat(siteIn("en-GB").language().toLanguageTag()).isEqualTo("en-GB");
        assertThat(siteIn("en-US").language().toLanguageTag()).isEqualTo("en-US");
    }

    @Test
    void datesTellTheTimeInTheHouseStyleInEnglishAndInTheLocalesOwnWayElsewhere() {
        ZonedDateTime sundayAfternoon = ZonedDateTime.of(2026, 12, 6, 16, 39, 0, 0, ZoneId.of("Europe/London"));

        assertThat(siteIn("en-GB").dateAndTime().format(sundayAfternoon)).isEqualTo("Sun 6 Dec 2026 16.39 GMT");
        assertThat(siteIn("en-US").dateAndTime().format(sundayAfternoon)).isEqualTo("Sun 6 Dec 2026 16.39 GMT");
        assertThat(siteIn("de-DE").dateAndTime().format(sundayAfternoon)).isEqualTo("So. 6 Dez. 2026 16:39 GMT");
        assertThat(siteIn("fr-FR").dateAndTime().format(sundayAfternoon)).isEqualTo("dim. 6 déc. 2026 16:39 GMT");
    }

    private static SiteProperties siteIn(String locale) {
        return new SiteProperties(
                "The Paper",
                "News",
                "https://news.example/",
                ZoneId.of("Europe/London"),
                Locale.forLanguageTag(locale),
                "");
    }

    private static SiteProperties site(String securityContact) {
        return new SiteProperties(
                "The Paper", "News", "https://news.example/", ZoneId.of("Europe/London"), Locale.UK, securityContact);
    }
}
