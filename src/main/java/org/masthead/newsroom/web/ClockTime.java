package org.masthead.newsroom.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A time of day as the site writes it, in its own zone: 24-hour, with a dot (14.02). */
final class ClockTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH.mm");

    static String of(Instant instant, ZoneId zone) {
        return FORMAT.format(instant.atZone(zone));
    }

    private ClockTime() {}
}
