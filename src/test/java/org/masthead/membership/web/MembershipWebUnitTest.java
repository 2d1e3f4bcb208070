package org.masthead.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The currency a reader is offered, and how the dashboard's bars are laid out. */
class MembershipWebUnitTest {

    @Test
    void theCurrencyIsTheChosenOneElseTheLocalesElsePounds() {
        assertThat(Currencies.choose("eur", Locale.US).getCurrencyCode()).isEqualTo("EUR");
        assertThat(Currencies.choose(null, Locale.US).getCurrencyCode()).isEqualTo("USD");
        assertThat(Currencies.choose("", Locale.GERMANY).getCurrencyCode()).isEqualTo("EUR");
        assertThat(Currencies.choose("JPY", Locale.JAPAN).getCurrencyCode()).isEqualTo("GBP");
        assertThat(Currencies.choose(null, Locale.ENGLISH).getCurrencyCode()).isEqualTo("GBP");
    }

    @Test
    void barsAreScaledToTheLargestValueInWholePixels() {
        BarChart chart = BarChart.of(
                "t",
                List.of(
                        new BarChart.Datum("a", 0, "0"),
                        new BarChart.Datum("b", 50, "50"),
                        new BarChart.Datum("c", 100, "100")));

        assertThat(chart.bars()).extracting(BarChart.Bar::height).containsExactly(0, 75, 150);
        assertThat(chart.bars()).extracting(BarChart.Bar::y).containsExactly(160, 85, 10);
        assertThat(chart.bars().get(2).x()).isEqualTo(2 * (BarChart.WIDTH / 3));
    }

    @Test
    void anEmptyOrAllZeroChartDrawsNothingTall() {
        assertThat(BarChart.of("t", List.of()).bars()).isEmpty();
        assertThat(BarChart.of("t", List.of(new BarChart.Datum("a", 0, "0")))
                        .bars()
                        .getFirst()
                        .height())
                .isZero();
    }
}
