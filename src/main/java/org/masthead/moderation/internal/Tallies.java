package org.masthead.moderation.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import org.masthead.platform.SiteProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts, per month in the site's time zone, what the transparency report shows but no table keeps:
 * comments a rule refused (they are not stored), reports heard, comments held after reports.
 */
@Repository
class Tallies {

    static final String REPORTED = "reports";
    static final String HELD_ON_REPORTS = "held-reports";
    static final String REFUSED = "refused:";

    private final JdbcClient db;
    private final SiteProperties site;
    private final Clock clock;

    Tallies(JdbcClient db, SiteProperties site, Clock clock) {
        this.db = db;
        this.site = site;
        this.clock = clock;
    }

    void count(String what) {
        LocalDate month = LocalDate.ofInstant(clock.instant(), site.timeZone()).withDayOfMonth(1);
        db.sql(
                        """
                        INSERT INTO moderation_tally (month, what, count) VALUES (:month, :what, 1)
                        ON CONFLICT (month, what) DO UPDATE SET count = moderation_tally.count + 1""")
                .param("month", Date.valueOf(month))
                .param("what", what)
                .update();
    }
}
