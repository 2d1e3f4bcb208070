package org.masthead.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RelativeTimeTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void relativeTimeIsResolvedInSiteZone() {
        Instant now = Instant.parse("2025-07-10T10:00:00Z");

        // 08:15 in London in July is 07:15 UTC.
        assertThat(RelativeTime.parse("-3d 08:15").resolve(now, LONDON)).isEqualTo("2025-07-07T07:15:00Z");
        assertThat(RelativeTime.parse("-3d 08:15").resolve(now, ZoneId.of("Asia/Tokyo")))
                .isEqualTo("2025-07-06T23:15:00Z");
    }

    @Test
    void theDayIsCountedFromTheSiteZonesDateNotUtcs() {
        // 00:30 on 11 July in London, but still 10 July in UTC.
        Instant now = Instant.parse("2025-07-10T23:30:00Z");

        assertThat(RelativeTime.parse("-1d 21:00").resolve(now, LONDON)).isEqualTo("2025-07-10T20:00:00Z");
    }

    @Test
    void aTimeInTheSpringForwardGapStillResolves() {
        Instant now = Instant.parse("2025-03-31T12:00:00Z");

        // 01:30 did not happen in London on 30 March 2025; the clocks went from 01:00 to 02:00.
        assertThat(RelativeTime.parse("-1d 01:30").resolve(now, LONDON)).isEqualTo("2025-03-30T01:30:00Z");
    }

    @Test
    void durationsCountBackFromNow() {
        Instant now = Instant.parse("2025-07-10T10:00:00Z");

        assertThat(RelativeTime.parse("-90m").resolve(now, LONDON)).isEqualTo("2025-07-10T08:30:00Z");
        assertThat(RelativeTime.parse("-5h").resolve(now, LONDON)).isEqualTo("2025-07-10T05:00:00Z");
        assertThat(RelativeTime.parse(" -2h30m ").resolve(now, LONDON)).isEqualTo("2025-07-10T07:30:00Z");
    }

    @Test
    void anythingElseIsRejected() {
        for (String spec : new String[] {
            "", "-", "3d 08:15", "-3d", "-3d 8:15", "-3d 25:00", "+5h", "-0m", "-0d 08:00", "yesterday"
        }) {
            assertThatIllegalArgumentException().as(spec).isThrownBy(() -> RelativeTime.parse(spec));
        }
    }
}
