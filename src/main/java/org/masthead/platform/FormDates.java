package org.masthead.platform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Days and times as forms and addresses carry them: a day as {@code 2026-11-28}, a time as a
 * {@code datetime-local} input sends it, {@code 2026-11-28T07:00}, in the site's zone. Read strictly: there
 * is no 30 February and no 24:00, and a year has four digits, so that no typed year overflows what the
 * database or the clock can hold.
 */
public final class FormDates {

    private static final int FIRST_YEAR = 1000;
    private static final int LAST_YEAR = 9999;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withResolverStyle(ResolverStyle.STRICT);

    private FormDates() {}

    /** @throws DateTimeException if it is not such a day */
    public static LocalDate day(String text) {
        LocalDate day = LocalDate.parse(text.strip(), DAY);
        requireYear(day.getYear(), text);
        return day;
    }

    /** @throws DateTimeException if it is not such a time */
    public static Instant minute(String text, ZoneId zone) {
        LocalDateTime minute = LocalDateTime.parse(text.strip(), MINUTE);
        requireYear(minute.getYear(), text);
        return minute.atZone(zone).toInstant();
    }

    /** As a {@code datetime-local} input shows it. */
    public static String minute(Instant at, ZoneId zone) {
        return MINUTE.format(LocalDateTime.ofInstant(at, zone));
    }

    private static void requireYear(int year, String text) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new DateTimeParseException("A year has four digits", text, 0);
        }
    }
}
