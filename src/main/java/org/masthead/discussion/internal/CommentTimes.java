package org.masthead.discussion.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/** When something was written, as a conversation shows it: "5 minutes ago", with the exact time to hand. */
@Component
public class CommentTimes {

    /**
     * @param iso for {@code <time datetime>}
     * @param exact for the title: "Tue 24 Nov 2026 14.30 GMT"
     * @param relative what the page shows: "just now", "5 minutes ago", "24 Nov 2026"
     */
    public record Moment(String iso, String exact, String relative) {}

    private final SiteProperties site;
    private final Clock clock;
    private final DateTimeFormatter exact;
    private final DateTimeFormatter day;

    CommentTimes(SiteProperties site, Clock clock) {
        this.site = site;
        this.clock = clock;
        this.exact = site.dateAndTime();
        this.day = DateTimeFormatter.ofPattern("d MMM yyyy", site.locale());
    }

    public Moment of(Instant instant) {
        ZonedDateTime local = instant.atZone(site.timeZone());
        return new Moment(
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.withNano(0)),
                exact.format(local),
                relative(instant));
    }

    private String relative(Instant instant) {
        Duration ago = Duration.between(instant, clock.instant());
        if (ago.toMinutes() < 1) {
            return "just now";
        }
        if (ago.toHours() < 1) {
            return plural(ago.toMinutes(), "minute") + " ago";
        }
        if (ago.toDays() < 1) {
            return plural(ago.toHours(), "hour") + " ago";
        }
        if (ago.toDays() < 7) {
            return plural(ago.toDays(), "day") + " ago";
        }
        return day.format(instant.atZone(site.timeZone()));
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
