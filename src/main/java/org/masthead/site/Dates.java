package org.masthead.site;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/** Times as readers see them: stored in UTC, shown in the site's zone. */
@Component
public class Dates {

    private final SiteProperties site;
    private final DateTimeFormatter display;
    private final DateTimeFormatter day;

    Dates(SiteProperties site) {
        this.site = site;
        this.display = site.dateAndTime();
        this.day = DateTimeFormatter.ofPattern("d MMMM yyyy", site.locale());
    }

    /** "Tue 24 Nov 2026 14.30 GMT" */
    public String display(Instant instant) {
        return display.format(inZone(instant));
    }

    /** "24 November 2026" */
    public String day(Instant instant) {
        return day.format(inZone(instant));
    }

    /** For {@code <time datetime>} and structured data: ISO 8601 with the zone's offset. */
    public String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(inZone(instant).withNano(0));
    }

    private ZonedDateTime inZone(Instant instant) {
        return instant.atZone(site.timeZone());
    }
}
