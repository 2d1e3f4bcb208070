package org.masthead.moderation.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.discussion.CommentScreening;
import org.masthead.discussion.CommentSubmission;
import org.masthead.discussion.CommentVerdict;
import org.masthead.discussion.CommentVerdict.Outcome;
import org.masthead.moderation.internal.Step.Decision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The moderation rules every new or changed comment passes, in order (Coral Talk's moderation phases
 * are the model): the reader's sanctions, a new reader's first comments, banned words, suspect words,
 * links, the same text again, and how hostile it reads. The reader's rate limit comes before all of
 * them, in the discussion. The first refusal decides; a hold stands unless a later rule refuses.
 */
@Component
class Pipeline implements CommentScreening {

    private final List<Step> steps;
    private final Screenings screenings;
    private final @Nullable SanctionStep sanctions;
    private final @Nullable Tallies tallies;

    @Autowired
    Pipeline(
            SanctionStep sanctions,
            NewReaderStep newReaders,
            BannedWordsStep banned,
            SuspectWordsStep suspect,
            LinksStep links,
            RepeatedTextStep repeated,
            ToxicityStep toxicity,
            Screenings screenings,
            Tallies tallies) {
        this(
                List.of(sanctions, newReaders, banned, suspect, links, repeated, toxicity),
                screenings,
                sanctions,
                tallies);
    }

    Pipeline(List<Step> steps, Screenings screenings, @Nullable SanctionStep sanctions, @Nullable Tallies tallies) {
        this.steps = List.copyOf(steps);
        this.screenings = screenings;
        this.sanctions = sanctions;
        this.tallies = tallies;
    }

    @Override
    public org.masthead.discussion.ReaderStanding standing(long authorId) {
        return sanctions == null ? org.masthead.discussion.ReaderStanding.GOOD : sanctions.standing(authorId);
    }

    @Override
    public CommentVerdict screen(CommentSubmission comment) {
        List<String> notes = new ArrayList<>();
        @Nullable Step holder = null;
        String holdReason = "";
        for (Step step : steps) {
            if (holder != null && !step.mayRefuse()) {
                continue;
            }
            Decision decision = step.check(comment);
            if (!decision.note().isEmpty()) {
                notes.add(step.name() + ": " + decision.note());
            }
            switch (decision.kind()) {
                case REFUSE -> {
                    if (tallies != null) {
                        // A refused comment is not stored: the transparency report counts it here.
                        tallies.count(Tallies.REFUSED + step.name());
                    }
                    return new CommentVerdict(Outcome.REFUSE, step.name(), decision.reason(), notes);
                }
                case HOLD -> {
                    if (holder == null) {
                        holder = step;
                        holdReason = decision.reason();
                    }
                }
                case PASS -> {}
            }
        }
        return holder == null
                ? new CommentVerdict(Outcome.PUBLISH, "", "", notes)
                : new CommentVerdict(Outcome.HOLD, holder.name(), holdReason, notes);
    }

    @Override
    public void screened(long commentId, CommentSubmission comment, CommentVerdict verdict) {
        screenings.record(commentId, comment, verdict);
    }
}
