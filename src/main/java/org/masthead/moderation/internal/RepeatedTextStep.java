package org.masthead.moderation.internal;

import java.time.Clock;
import java.time.Duration;
import org.masthead.discussion.CommentSubmission;
import org.masthead.moderation.ModerationProperties;
import org.springframework.stereotype.Component;

/**
 * The same text from the same reader again, within {@code repeat-window}, is refused as spam: read as
 * a skeleton, so that changing its case, spacing or punctuation does not make it new.
 */
@Component
class RepeatedTextStep implements Step {

    private final Screenings screenings;
    private final Duration window;
    private final Clock clock;

    RepeatedTextStep(Screenings screenings, ModerationProperties properties, Clock clock) {
        this.screenings = screenings;
        this.window = properties.repeatWindow();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "repeated-text";
    }

    @Override
    public boolean mayRefuse() {
        return true;
    }

    @Override
    public Decision check(CommentSubmission comment) {
        if (window.isZero() || !screenings.repeated(comment, clock.instant().minus(window))) {
            return Decision.PASS;
        }
        return Decision.refuse(
                "You have already posted this text. Posting the same words again counts as spam: say something new.");
    }
}
