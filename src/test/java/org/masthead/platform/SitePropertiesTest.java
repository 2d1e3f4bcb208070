package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
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

    private static SiteProperties site(String securityContact) {
        return new SiteProperties(
                "The Paper", "News", "https://news.example/", ZoneId.of("Europe/London"), Locale.UK, securityContact);
    }
}
