package org.masthead.membership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.Cookie;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.masthead.membership.MembershipProperties;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The currency a reader is offered. */
class MembershipWebUnitTest {

    static final CurrencyChoice POUNDS_AT_HOME = new CurrencyChoice(properties("GBP"));

    static MembershipProperties properties(String homeCurrency) {
        return new MembershipProperties(List.of(500L, 1000L, 2000L), 2, Currency.getInstance(homeCurrency));
    }

    @Test
    void theHomeCurrencyIsOfferedWhateverLanguageTheBrowserSpeaks() {
        MockHttpServletRequest american = new MockHttpServletRequest();
        american.addPreferredLocale(Locale.US);

        assertThat(POUNDS_AT_HOME.of(null, american, new MockHttpServletResponse()))
                .isEqualTo(Currency.getInstance("GBP"));
        assertThat(new CurrencyChoice(properties("EUR")).of(null, american, new MockHttpServletResponse()))
                .isEqualTo(Currency.getInstance("EUR"));
    }

    @Test
    void aChosenCurrencyIsRememberedForAYearAndAnUnknownOneIgnored() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(POUNDS_AT_HOME.of("usd", new MockHttpServletRequest(), response))
                .isEqualTo(Currency.getInstance("USD"));
        assertThat(response.getHeader("Set-Cookie"))
                .startsWith("masthead_currency=USD")
                .contains("Path=/", "Max-Age=31536000", "HttpOnly", "SameSite=Lax");

        MockHttpServletRequest back = new MockHttpServletRequest();
        back.setCookies(new Cookie(CurrencyChoice.COOKIE, "USD"));
        MockHttpServletResponse unchanged = new MockHttpServletResponse();
        assertThat(POUNDS_AT_HOME.of("JPY", back, unchanged)).isEqualTo(Currency.getInstance("USD"));
        assertThat(unchanged.getHeader("Set-Cookie")).isNull();

        MockHttpServletRequest tampered = new MockHttpServletRequest();
        tampered.setCookies(new Cookie(CurrencyChoice.COOKIE, "<script>"));
        assertThat(POUNDS_AT_HOME.of(null, tampered, new MockHttpServletResponse()))
                .isEqualTo(Currency.getInstance("GBP"));
    }

    @Test
    void theSwitchOffersTheHomeCurrencyFirstAndMarksTheChosenOne() {
        List<CurrencyChoice.Option> options =
                POUNDS_AT_HOME.options(Currency.getInstance("EUR"), "/support", "variant", "A");

        assertThat(options).extracting(CurrencyChoice.Option::label).containsExactly("£ GBP", "€ EUR", "US$ USD");
        assertThat(options).extracting(CurrencyChoice.Option::chosen).containsExactly(false, true, false);
        assertThat(options.getFirst().href()).isEqualTo("/support?variant=A&currency=GBP");
    }

    @Test
    void aHomeCurrencyPaymentsDoNotTakeIsRefusedAtStartUp() {
        assertThatThrownBy(() -> properties("JPY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("masthead.membership.home-currency");
    }
}
