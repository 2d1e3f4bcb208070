package org.masthead.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An amount of money: a whole number of the currency's minor units (pence, cents) and the currency.
 * There is no floating point anywhere: arithmetic is on {@code long}s and fails rather than overflow,
 * and amounts written by people ("12.50") are read exactly or refused, saying why.
 *
 * <p>Only the currencies the site takes are allowed: see {@link #SUPPORTED}.
 *
 * @param minorUnits the amount in the currency's smallest unit; may be zero or negative (a difference)
 * @param currency one of {@link #SUPPORTED}
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    /** The currencies payments are taken in. All have two decimal places. */
    public static final Set<Currency> SUPPORTED =
            Set.of(Currency.getInstance("GBP"), Currency.getInstance("USD"), Currency.getInstance("EUR"));

    public Money {
        if (currency == null || !SUPPORTED.contains(currency)) {
            throw new PaymentRejectedException("Payments are not taken in " + currency + ".");
        }
    }

    /**
     * @param minorUnits pence, cents
     * @param currencyCode an ISO 4217 code in any case, such as {@code GBP}
     * @throws PaymentRejectedException if the currency is unknown or not supported
     */
    public static Money of(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currency(currencyCode));
    }

    /**
     * Reads an amount as people write it, in major units, and as the site itself writes it: {@code "12"},
     * {@code "12.5"}, {@code "12.50"}, {@code "£15"}, {@code "1,000"}, {@code "£1,000.00"}. The currency's
     * own symbol may lead, and commas may stand between thousands.
     *
     * @throws PaymentRejectedException if it is not such a number or has more decimals than the currency,
     *     saying which
     */
    public static Money parse(String amount, String currencyCode) {
        Currency currency = currency(currencyCode);
        String plain = withoutSymbol(amount == null ? "" : amount.strip(), currency);
        if (!plain.isEmpty() && Character.getType(plain.charAt(0)) == Character.CURRENCY_SYMBOL) {
            throw new PaymentRejectedException("This amount is in " + currency.getCurrencyCode()
                    + ": write it without the " + plain.charAt(0) + " sign, such as 12.50.");
        }
        if (plain.matches("\\d{1,3}(,\\d{3})+(\\.\\d*)?")) {
            plain = plain.replace(",", "");
        } else if (plain.contains(",")) {
            // "1,5" may mean one and a half where a comma marks decimals: refuse it rather than guess.
            throw new PaymentRejectedException(
                    "Put commas only between thousands, as in 1,000, and a point before the decimals, as in 12.50.");
        }
        if (plain.matches("\\d{1,12}\\.\\d{3,}")) {
            // A number, but finer than a penny: say so, rather than that it is not a number.
            throw new PaymentRejectedException("Use at most two decimal places, such as 12.50.");
        }
        if (!plain.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            throw new PaymentRejectedException("Write the amount as a number, such as 12.50.");
        }
        BigDecimal exact = new BigDecimal(plain).movePointRight(currency.getDefaultFractionDigits());
        return new Money(exact.longValueExact(), currency);
    }

    /** The amount without the currency's symbol in front, as {@link #format} writes it ("US$", or "$"). */
    private static String withoutSymbol(String amount, Currency currency) {
        String symbol = symbol(currency).strip();
        for (String written : currency.getCurrencyCode().equals("USD") ? List.of(symbol, "$") : List.of(symbol)) {
            if (amount.startsWith(written)) {
                return amount.substring(written.length()).strip();
            }
        }
        return amount;
    }

    /** @throws PaymentRejectedException if the code names no currency, or one that is not supported */
    public static Currency currency(String code) {
        try {
            Currency currency =
                    Currency.getInstance(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
            if (SUPPORTED.contains(currency)) {
                return currency;
            }
        } catch (IllegalArgumentException e) {
            // Falls through: not a currency at all.
        }
        throw new PaymentRejectedException("Payments are not taken in '" + code + "'.");
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minorUnits, sameCurrency(other).minorUnits), currency);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(minorUnits, sameCurrency(other).minorUnits), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minorUnits, factor), currency);
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    /** The ISO 4217 code, such as {@code GBP}. */
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** The amount in major units as a plain decimal, such as {@code 12.50}. */
    public String toPlainString() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits())
                .setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    /**
     * The amount for people, with the currency's symbol as the site's readers know it and its thousands
     * separated: {@code £12.50}, {@code £1,000.00}.
     */
    public String format() {
        String sign = minorUnits < 0 ? "-" : "";
        int decimals = currency.getDefaultFractionDigits();
        // Formatter reads a BigDecimal exactly: no floating point on the way to the page.
        String digits =
                String.format(Locale.ROOT, "%,." + decimals + "f", BigDecimal.valueOf(Math.abs(minorUnits), decimals));
        return sign + symbol(currency) + digits;
    }

    /** The currency's symbol as the site's readers know it: {@code £}, {@code US$}, {@code €}. */
    public static String symbol(Currency currency) {
        return switch (currency.getCurrencyCode()) {
            case "GBP" -> "£";
            case "USD" -> "US$";
            case "EUR" -> "€";
            default -> currency.getCurrencyCode() + " ";
        };
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(minorUnits, sameCurrency(other).minorUnits);
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new PaymentRejectedException(
                    "Cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
        }
        return other;
    }

    @Override
    public String toString() {
        return minorUnits + " " + currency.getCurrencyCode();
    }
}
