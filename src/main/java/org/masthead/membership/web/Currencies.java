package org.masthead.membership.web;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentRejectedException;

/** Which currency to offer a reader: the one they chose, else their locale's, else pounds. */
final class Currencies {

    private static final Currency GBP = Currency.getInstance("GBP");
    private static final Set<String> EURO_COUNTRIES = Set.of(
            "AT", "BE", "HR", "CY", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PT", "SK",
            "SI", "ES");

    private Currencies() {}

    static Currency choose(@Nullable String chosen, Locale locale) {
        if (chosen != null && !chosen.isBlank()) {
            try {
                return Money.currency(chosen);
            } catch (PaymentRejectedException e) {
                // Falls back to the locale's: an unknown choice in an address is not worth an error page.
            }
        }
        String country = locale.getCountry();
        if (country.equals("US")) {
            return Currency.getInstance("USD");
        }
        if (EURO_COUNTRIES.contains(country)) {
            return Currency.getInstance("EUR");
        }
        return GBP;
    }
}
