package org.masthead.moderation.internal;

import java.time.Clock;
import java.time.Instant;
import org.masthead.discussion.CommentSubmission;
import org.masthead.moderation.internal.Sanctions.Sanction;
import org.masthead.site.Dates;
import org.springframework.stereotype.Component;

/**
 * The reader's sanctions, on the server at posting time: a banned or suspended reader's comment is
 * refused, saying why and until when; a pre-moderated reader's is held. A sanction ends on its own.
 */
@Component
class SanctionStep implements Step {

    private final Sanctions sanctions;
    private final Dates dates;
    private final Clock clock;

    SanctionStep(Sanctions sanctions, Dates dates, Clock clock) {
        this.sanctions = sanctions;
        this.dates = dates;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sanctions";
    }

    @Override
    public String toAuthor() {
        return "A moderator reads your comments before they are shown.";
    }

    @Override
    public boolean mayRefuse() {
        return true;
    }

    @Override
    public Decision check(CommentSubmission comment) {
        for (Sanction sanction : sanctions.inForce(comment.authorId(), clock.instant())) {
            switch (sanction.kind()) {
                case BAN -> {
                    return Decision.refuse(
                            "You are banned from commenting (" + sanction.rule() + "): " + sanction.reason());
                }
                case SUSPEND -> {
                    return Decision.refuse("You are suspended from commenting until "
                            + display(java.util.Objects.requireNonNull(sanction.endsAt())) + " ("
                            + sanction.rule() + "): " + sanction.reason());
                }
                case PREMODERATE -> {
                    return Decision.hold(
                            "The reader's comments are pre-moderated (" + sanction.rule() + "): " + sanction.reason());
                }
                case WARN -> {}
            }
        }
        return Decision.PASS;
    }

    /** What the reader is told before they write, from the sanctions in force on them. */
    org.masthead.discussion.ReaderStanding standing(long accountId) {
        for (Sanction sanction : sanctions.inForce(accountId, clock.instant())) {
            String why = " (" + sanction.rule() + "): " + sanction.reason();
            switch (sanction.kind()) {
                case BAN -> {
                    return new org.masthead.discussion.ReaderStanding(false, "You are banned from commenting" + why);
                }
                case SUSPEND -> {
                    return new org.masthead.discussion.ReaderStanding(
                            false,
                            "You are suspended from commenting until "
                                    + display(java.util.Objects.requireNonNull(sanction.endsAt())) + why);
                }
                case PREMODERATE -> {
                    // Said with its end, as a suspension is: every sanction with an end says when.
                    String until = sanction.endsAt() == null ? "" : " until " + display(sanction.endsAt());
                    return new org.masthead.discussion.ReaderStanding(
                            true, "A moderator reads your comments before they are published" + until + why);
                }
                case WARN -> {
                    return new org.masthead.discussion.ReaderStanding(
                            true, "A moderator has warned you" + why + ". Please keep to our community standards.");
                }
            }
        }
        return org.masthead.discussion.ReaderStanding.GOOD;
    }

    String display(Instant at) {
        return dates.display(at);
    }
}
