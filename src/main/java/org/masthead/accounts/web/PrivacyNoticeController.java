package org.masthead.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.RetentionPeriod;
import org.masthead.mail.MailProperties;
import org.masthead.platform.PublicPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "How we use your information": what the site keeps about readers and why, as this software does it.
 * Periods that the site's configuration decides are stated as configured, not as the defaults.
 */
@Controller
class PrivacyNoticeController {

    /** When the text of the notice last changed; change it with them. */
    private static final Instant WRITTEN = Instant.parse("2026-12-06T03:00:00Z");

    private final PublicPages publicPages;
    private final MailProperties mail;
    private final List<RetentionPeriod> periods;

    PrivacyNoticeController(PublicPages publicPages, MailProperties mail, List<RetentionPeriod> periods) {
        this.publicPages = publicPages;
        this.mail = mail;
        this.periods = periods;
    }

    @GetMapping("/privacy")
    String notice(HttpServletResponse response, Model model) {
        model.addAttribute("written", WRITTEN);
        model.addAttribute("mailKeptFor", inWords(mail.retention()));
        model.addAttribute("readingCountsKeptFor", keptFor(RetentionPeriod.READING_COUNTS));
        publicPages.mark(response, WRITTEN, List.of("privacy"));
        return "accounts/privacy";
    }

    /** Null when no module says, as in a test of this module alone: the page then names no period. */
    private @Nullable String keptFor(String what) {
        return periods.stream()
                .filter(period -> period.what().equals(what))
                .map(period -> inWords(period.period()))
                .findFirst()
                .orElse(null);
    }

    /** A period as a reader says it: "30 days", "12 hours", "90 minutes". */
    private static String inWords(Duration period) {
        if (period.toDays() > 0 && period.equals(Duration.ofDays(period.toDays()))) {
            return plural(period.toDays(), "day");
        }
        if (period.toHours() > 0 && period.equals(Duration.ofHours(period.toHours()))) {
            return plural(period.toHours(), "hour");
        }
        return plural(Math.max(1, period.toMinutes()), "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
