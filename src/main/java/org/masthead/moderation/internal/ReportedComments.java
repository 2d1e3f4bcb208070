package org.masthead.moderation.internal;

import java.util.List;
import org.masthead.discussion.CommentReport;
import org.masthead.discussion.CommentReported;
import org.masthead.discussion.Discussion;
import org.masthead.moderation.ModerationProperties;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every report puts its comment in the moderators' Reported queue, where it stays in the conversation
 * until a moderator decides; a comment reported by {@code reports-to-hold} different readers also leaves
 * the conversation meanwhile: a pile-on of reports is worth a person's look before more readers see it.
 * Only the reports of readers who may take part count towards that: a suspended or banned reader may not
 * report, and one who reported before their sanction cannot take other readers' comments down with it.
 * Heard after the report commits, through the event publication registry, so none is lost.
 */
@Component
class ReportedComments {

    private final Discussion discussion;
    private final Screenings screenings;
    private final Tallies tallies;
    private final SanctionStep standing;
    private final int reportsToHold;

    ReportedComments(
            Discussion discussion,
            Screenings screenings,
            Tallies tallies,
            SanctionStep standing,
            ModerationProperties properties) {
        this.discussion = discussion;
        this.screenings = screenings;
        this.tallies = tallies;
        this.standing = standing;
        this.reportsToHold = properties.reportsToHold();
    }

    @ApplicationModuleListener
    void on(CommentReported report) {
        tallies.count(Tallies.REPORTED);
        screenings.reported(report.commentId(), report.reportedAt());
        long counted =
                discussion.reports(List.of(report.commentId())).getOrDefault(report.commentId(), List.of()).stream()
                        .map(CommentReport::reporterId)
                        .distinct()
                        .filter(reporter -> standing.standing(reporter).mayPost())
                        .count();
        if (counted >= reportsToHold && discussion.hold(report.commentId())) {
            screenings.heldOnReports(report.commentId(), (int) counted);
            tallies.count(Tallies.HELD_ON_REPORTS);
        }
    }
}
