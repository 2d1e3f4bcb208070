package org.masthead.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * When a demo article was published, relative to the moment the demo content is loaded, so that a new site
 * always looks freshly edited rather than frozen at the date the demo was written.
 *
 * <p>Two forms: {@code -3d 08:15} is three days before today at 08:15 on the site's clock, for stories that
 * should sit at a plausible hour of the day; {@code -90m}, {@code -5h} or {@code -2h30m} is that long before
 * now, for the last day or two, where a fixed hour could land in the future or drift past the 48 hours a news
 * sitemap covers.
 */
record RelativeTime(int daysAgo, @Nullable LocalTime at, Duration ago) {

    private static final Pattern DAYS = Pattern.compile("-(\\d+)d\\s+(\\d{2}:\\d{2})");
    private static final Pattern DURATION = Pattern.compile("-(?:(\\d+)h)?(?:(\\d+)m)?");

    static RelativeTime parse(String spec) {
        String text = spec.strip();
        Matcher days = DAYS.matcher(text);
        if (days.matches()) {
            int daysAgo = Integer.parseInt(days.group(1));
            if (daysAgo < 1) {
                throw new IllegalArgumentException(
                        "'" + spec + "': a time of day needs at least one day back; use hours or minutes for today");
            }
            try {
                return new RelativeTime(daysAgo, LocalTime.parse(days.group(2)), Duration.ZERO);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + spec + "' has no valid time of day", e);
            }
        }
        Matcher duration = DURATION.matcher(text);
        if (duration.matches() && (duration.group(1) != null || duration.group(2) != null)) {
            long hours = duration.group(1) == null ? 0 : Long.parseLong(duration.group(1));
            long minutes = duration.group(2) == null ? 0 : Long.parseLong(duration.group(2));
            Duration ago = Duration.ofHours(hours).plusMinutes(minutes);
            if (ago.isZero()) {
                throw new IllegalArgumentException("'" + spec + "' is now, not in the past");
            }
            return new RelativeTime(0, null, ago);
        }
        throw new IllegalArgumentException(
                "'" + spec + "' is not a relative time: write '-3d 08:15', '-5h', '-90m' or '-2h30m'");
    }

    Instant resolve(Instant now, ZoneId zone) {
        if (at == null) {
            return now.minus(ago);
        }
        // ZonedDateTime.of moves a time that falls in a clock-change gap forward, so every spec resolves.
        return ZonedDateTime.of(now.atZone(zone).toLocalDate().minusDays(daysAgo), at, zone)
                .toInstant();
    }
}
