package org.masthead.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsWrittenByPeopleAreReadExactlyInMinorUnits() {
        assertThat(Money.parse("12.5", "GBP")).isEqualTo(Money.of(1250, "GBP"));
        assertThat(Money.parse("0.10", "eur")).isEqualTo(Money.of(10, "EUR"));
        assertThat(Money.parse(" 7 ", "USD")).isEqualTo(Money.of(700, "USD"));
    }

    @Test
    void amountsThatAreNotPlainNumbersWithAtMostTwoDecimalsAreRefused() {
        for (String bad : new String[] {"", "1.005", "-3", "1e3", "12,50", "€5", "£", "NaN", "0x10", "1.2.3"}) {
            assertThatThrownBy(() -> Money.parse(bad, "GBP")).as(bad).isInstanceOf(PaymentRejectedException.class);
        }
    }

    @Test
    void onlyTheSupportedCurrenciesAreTaken() {
        assertThatThrownBy(() -> Money.of(100, "JPY")).isInstanceOf(PaymentRejectedException.class);
        assertThatThrownBy(() -> Money.of(100, "XYZ")).isInstanceOf(PaymentRejectedException.class);
        assertThatThrownBy(() -> Money.of(100, "")).isInstanceOf(PaymentRejectedException.class);
    }

    @Test
    void arithmeticStaysInOneCurrencyAndNeverOverflowsSilently() {
        assertThat(Money.of(1000, "GBP").minus(Money.of(250, "GBP"))).isEqualTo(Money.of(750, "GBP"));
        assertThat(Money.of(499, "GBP").times(12)).isEqualTo(Money.of(5988, "GBP"));
        assertThatThrownBy(() -> Money.of(1, "GBP").plus(Money.of(1, "EUR")))
                .isInstanceOf(PaymentRejectedException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "GBP").plus(Money.of(1, "GBP")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void moneyIsShownWithItsSymbolAndTwoDecimals() {
        assertThat(Money.of(1250, "GBP").format()).isEqualTo("£12.50");
        assertThat(Money.of(5, "EUR").format()).isEqualTo("€0.05");
        assertThat(Money.of(-300, "USD").format()).isEqualTo("-US$3.00");
        assertThat(Money.of(1250, "GBP").toPlainString()).isEqualTo("12.50");
    }

    @Test
    void thousandsAreSeparatedAsTheSiteWritesThem() {
        assertThat(Money.of(100000, "GBP").format()).isEqualTo("£1,000.00");
        assertThat(Money.of(123456789, "EUR").format()).isEqualTo("€1,234,567.89");
        assertThat(Money.of(-100000, "USD").format()).isEqualTo("-US$1,000.00");
        assertThat(Money.of(99999, "GBP").format()).isEqualTo("£999.99");
        assertThat(Money.of(100000, "GBP").toPlainString())
                .as("what a form is filled in with stays plain")
                .isEqualTo("1000.00");
    }

    @Test
    void amountsWrittenAsTheSiteWritesThemAreTaken() {
        assertThat(Money.parse("£15", "GBP")).isEqualTo(Money.of(1500, "GBP"));
        assertThat(Money.parse("1,000", "GBP")).isEqualTo(Money.of(100000, "GBP"));
        assertThat(Money.parse(" £ 1,000.00 ", "GBP")).isEqualTo(Money.of(100000, "GBP"));
        assertThat(Money.parse("€1,234,567.89", "EUR")).isEqualTo(Money.of(123456789, "EUR"));
        assertThat(Money.parse("US$12.50", "USD")).isEqualTo(Money.of(1250, "USD"));
        assertThat(Money.parse("$12.50", "USD")).isEqualTo(Money.of(1250, "USD"));
    }

    @Test
    void aSignOfAnotherCurrencyOrACommaNotBetweenThousandsIsRefusedSayingWhat() {
        assertThatThrownBy(() -> Money.parse("€15", "GBP"))
                .hasMessage("This amount is in GBP: write it without the € sign, such as 12.50.");
        assertThatThrownBy(() -> Money.parse("$15", "GBP"))
                .hasMessage("This amount is in GBP: write it without the $ sign, such as 12.50.");
        for (String comma : new String[] {"12,50", "1,00", "10,000,00", ",5"}) {
            assertThatThrownBy(() -> Money.parse(comma, "GBP"))
                    .as(comma)
                    .hasMessage("Put commas only between thousands, as in 1,000, and a point before the decimals,"
                            + " as in 12.50.");
        }
    }

    @Test
    void anAmountWithTooManyDecimalsIsRefusedSayingSo() {
        assertThatThrownBy(() -> Money.parse("12.345", "GBP"))
                .isInstanceOf(PaymentRejectedException.class)
                .hasMessage("Use at most two decimal places, such as 12.50.");
        assertThatThrownBy(() -> Money.parse("ten", "GBP")).hasMessage("Write the amount as a number, such as 12.50.");
    }
}
