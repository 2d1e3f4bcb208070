package org.masthead.accounts;

import java.time.Duration;

/**
 * How long another module keeps something that the privacy notice ("How we use your information") tells
 * readers about, as this site is configured. The module declares a bean of this type, since accounts cannot
 * ask it: every module depends on accounts, not the other way round.
 *
 * @param what the name the notice knows it by, such as {@link #READING_COUNTS}
 * @param period how long it is kept
 */
public record RetentionPeriod(String what, Duration period) {

    /** The hourly counts of readings behind "Most read". */
    public static final String READING_COUNTS = "reading-counts";
}
