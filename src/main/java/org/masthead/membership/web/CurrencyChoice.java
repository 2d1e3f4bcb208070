package org.masthead.membership.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.membership.MembershipProperties;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentRejectedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Which currency the Premium and support pages offer: the one the reader last chose, remembered in a
 * cookie for a year, else the site's home currency ({@code masthead.membership.home-currency}). Never
 * the browser's language: a London paper offers pounds first, whatever language its reader's browser
 * speaks.
 *
 * <p>The pages that use it are personal (whether the reader is signed in, or has Premium) and are sent
 * {@code no-store}, never marked public, so one reader's choice cannot reach a page a cache gives to
 * another.
 */
@Component
class CurrencyChoice {

    static final String COOKIE = "masthead_currency";
    static final Duration REMEMBERED = Duration.ofDays(365);

    /** One currency of the switch: its code, how it is written, where choosing it leads. */
    record Option(String code, String label, String href, boolean chosen) {}

    private final Currency home;
    private final List<Currency> offered;

    CurrencyChoice(MembershipProperties properties) {
        this.home = properties.homeCurrency();
        // The home currency first, then the others in a stable order.
        this.offered = Money.SUPPORTED.stream()
                .sorted(Comparator.comparing((Currency c) -> !c.equals(home)).thenComparing(Currency::getCurrencyCode))
                .toList();
    }

    /**
     * The currency for this request: one asked for in the address (which is then remembered), else the
     * remembered one, else the home currency. An unknown code is not worth an error page: it is ignored.
     */
    Currency of(@Nullable String asked, HttpServletRequest request, HttpServletResponse response) {
        Optional<Currency> chosen = supported(asked);
        if (chosen.isPresent()) {
            remember(chosen.get(), request, response);
            return chosen.get();
        }
        return remembered(request).orElse(home);
    }

    /** The currency if the site takes payments in it. */
    Optional<Currency> supported(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.currency(code));
        } catch (PaymentRejectedException e) {
            return Optional.empty();
        }
    }

    /** The switch between currencies: links to {@code path} with each, so it works without script. */
    List<Option> options(Currency current, String path, String... query) {
        return offered.stream()
                .map(currency -> {
                    UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
                    for (int i = 0; i + 1 < query.length; i += 2) {
                        link.queryParam(query[i], query[i + 1]);
                    }
                    link.queryParam("currency", currency.getCurrencyCode());
                    return new Option(
                            currency.getCurrencyCode(),
                            label(currency),
                            link.build().encode().toUriString(),
                            currency.equals(current));
                })
                .toList();
    }

    private static String label(Currency currency) {
        return Money.symbol(currency).strip() + " " + currency.getCurrencyCode();
    }

    private Optional<Currency> remembered(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .findFirst()
                .flatMap(cookie -> supported(cookie.getValue()));
    }

    private static void remember(Currency currency, HttpServletRequest request, HttpServletResponse response) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, currency.getCurrencyCode())
                .path("/")
                .maxAge(REMEMBERED)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
