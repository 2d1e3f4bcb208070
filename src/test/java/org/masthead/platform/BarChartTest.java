package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a chart drawn on the server is laid out. */
class BarChartTest {

    @Test
    void theValueAxisRisesInRoundStepsAndTheBarsAreScaledToItsTop() {
        BarChart chart = BarChart.of(
                "t",
                "Title",
                "Day",
                "Count",
                List.of(datum("a", 0), datum("b", 35), datum("c", 70)),
                String::valueOf,
                1,
                1);

        assertThat(chart.valueTicks()).extracting(BarChart.Tick::label).containsExactly("0", "20", "40", "60", "80");
        int plotHeight = chart.plot().bottom() - chart.plot().top();
        assertThat(chart.valueTicks().getFirst().at()).isEqualTo(chart.plot().bottom());
        assertThat(chart.valueTicks().getLast().at()).isEqualTo(chart.plot().top());
        assertThat(chart.bars())
                .extracting(BarChart.Bar::height)
                .containsExactly(0, 35 * plotHeight / 80, 70 * plotHeight / 80);
        assertThat(chart.bars()).allMatch(BarChart.Bar::written);
        assertThat(chart.description()).isEqualTo("a: 0; b: 35; c: 70.");
    }

    @Test
    void moneyGetsGridlinesOnWholeUnitsAndALongSeriesALabelAWeekApartEndingToday() {
        List<BarChart.Datum> days = new java.util.ArrayList<>();
        for (int day = 1; day <= 30; day++) {
            days.add(new BarChart.Datum(day + " Nov", day + " November 2026", day == 12 ? 1250 : 0, "£" + day));
        }

        BarChart chart = BarChart.of("t", "Title", "Day", "Paid", days, value -> "£" + value / 100, 100, 7);

        assertThat(chart.valueTicks()).extracting(BarChart.Tick::label).containsExactly("£0", "£5", "£10", "£15");
        assertThat(chart.categoryTicks())
                .extracting(BarChart.Tick::label)
                .containsExactly("2 Nov", "9 Nov", "16 Nov", "23 Nov", "30 Nov");
        assertThat(chart.bars()).noneMatch(BarChart.Bar::written);
        assertThat(chart.description())
                .isEqualTo("From 1 November 2026 to 30 November 2026. Highest: £12, on 12 November 2026. Latest: £30.");
    }

    @Test
    void anEmptyOrAllZeroChartDrawsNothingTall() {
        assertThat(BarChart.of("t", "T", "Day", "Count", List.of(), String::valueOf, 1, 1)
                        .bars())
                .isEmpty();
        BarChart zeros = BarChart.of("t", "T", "Day", "Count", List.of(datum("a", 0)), String::valueOf, 1, 1);
        assertThat(zeros.bars().getFirst().height()).isZero();
        assertThat(zeros.valueTicks()).extracting(BarChart.Tick::label).containsExactly("0", "1");
    }

    @Test
    void roundStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(List.of(0L, 1L, 3L, 7L, 11L, 250L, 501L).stream().map(BarChart::roundStep))
                .containsExactly(1L, 1L, 5L, 10L, 20L, 500L, 1000L);
    }

    private static BarChart.Datum datum(String label, long value) {
        return new BarChart.Datum(label, label, value, String.valueOf(value));
    }
}
