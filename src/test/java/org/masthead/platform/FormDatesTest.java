package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FormDatesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aDayAndATimeAreReadInTheSitesZoneAndShownAsTheInputShowsThem() {
        assertThat(FormDates.day(" 2026-11-28 ")).isEqualTo(LocalDate.of(2026, 11, 28));
        Instant summer = FormDates.minute("2026-07-01T07:00", LONDON);
        assertThat(summer).isEqualTo(Instant.parse("2026-07-01T06:00:00Z"));
        assertThat(FormDates.minute(summer, LONDON)).isEqualTo("2026-07-01T07:00");
    }

    @Test
    void aDayOrTimeThatDoesNotExistIsRefusedNotMovedToOneThatDoes() {
        for (String day : new String[] {"2026-02-30", "2026-13-01", "2026-2-3", ""}) {
            assertThatThrownBy(() -> FormDates.day(day)).as(day).isInstanceOf(DateTimeException.class);
        }
        for (String time : new String[] {"2030-02-30T10:00", "2030-01-01T24:00", "2030-01-01T10:60", "2030-01-01"}) {
            assertThatThrownBy(() -> FormDates.minute(time, LONDON)).as(time).isInstanceOf(DateTimeException.class);
        }
    }

    @Test
    void aYearOfMoreOrFewerThanFourDigitsIsRefusedBeforeItCanOverflowAnything() {
        for (String day : new String[] {"+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0999-12-31"}) {
            assertThatThrownBy(() -> FormDates.day(day)).as(day).isInstanceOf(DateTimeException.class);
        }
        for (String time : new String[] {"+999999999-01-01T10:00", "+99999-01-01T10:00", "-0001-01-01T10:00"}) {
            assertThatThrownBy(() -> FormDates.minute(time, LONDON)).as(time).isInstanceOf(DateTimeException.class);
        }
    }
}
