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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moderation rules every new or changed comment passes, in order (Coral Talk's moderation phases
 * are the model): the reader's sanctions, a new reader's first comments, banned words, suspect words,
 * links, the same text again, and how hostile it reads. The reader's rate limit comes before all of
 * them, in the discussion. The first refusal decides; a hold stands unless a later rule refuses. Once a
 * comment is held, the rules on this node still say whether they would have held it too, so that the
 * moderator sees every reason (and finds it under each rule's filter); the remote scorer is not asked.
 */
@Component
class Pipeline implements CommentScreening {

    private final List<Step> local;
    private final List<Step> remote;
    private final Screenings screenings;
    private final @Nullable SanctionStep sanctions;
    private final @Nullable Tallies tallies;
    private final @Nullable TransactionTemplate lookups;

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
            Tallies tallies,
            PlatformTransactionManager transactions) {
        this(
                List.of(sanctions, newReaders, banned, suspect, links, repeated, toxicity),
                screenings,
                sanctions,
                tallies,
                readOnly(transactions));
    }

    Pipeline(List<Step> steps, Screenings screenings, @Nullable SanctionStep sanctions, @Nullable Tallies tallies) {
        this(steps, screenings, sanctions, tallies, null);
    }

    private Pipeline(
            List<Step> steps,
            Screenings screenings,
            @Nullable SanctionStep sanctions,
            @Nullable Tallies tallies,
            @Nullable TransactionTemplate lookups) {
        // The remote rules go last, keeping their order; they are last in the list already.
        this.local = steps.stream().filter(step -> !step.remote()).toList();
        this.remote = steps.stream().filter(Step::remote).toList();
        this.screenings = screenings;
        this.sanctions = sanctions;
        this.tallies = tallies;
        this.lookups = lookups;
    }

    private static TransactionTemplate readOnly(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        return template;
    }

    @Override
    public org.masthead.discussion.ReaderStanding standing(long authorId) {
        return sanctions == null ? org.masthead.discussion.ReaderStanding.GOOD : sanctions.standing(authorId);
    }

    /**
     * The rules that look things up in the database (the reader's sanctions and history, the same text
     * again) share one read-only transaction, so a comment borrows one pooled connection for them rather
     * than one per rule: at 200 comments a second the pool is the scarce thing, and each borrow waits in
     * line behind the posting transactions. The remote scorer is asked after that connection is returned.
     */
    @Override
    public CommentVerdict screen(CommentSubmission comment) {
        Run run = new Run();
        if (lookups == null) {
            run.through(local, comment);
        } else {
            lookups.executeWithoutResult(status -> run.through(local, comment));
        }
        if (run.refusal == null) {
            run.through(remote, comment);
        }
        CommentVerdict refusal = run.refusal;
        if (refusal != null) {
            if (tallies != null) {
                // A refused comment is not stored: the transparency report counts it here.
                tallies.count(Tallies.REFUSED + refusal.step());
            }
            return refusal;
        }
        return run.holder == null
                ? new CommentVerdict(Outcome.PUBLISH, "", "", "", List.of(), run.notes)
                : new CommentVerdict(
                        Outcome.HOLD, run.holder.name(), run.holdReason, run.holdToAuthor, run.alsoHeldBy, run.notes);
    }

    /**
     * One comment's way through the rules: the first refusal decides; a hold stands unless a later rule
     * refuses, and a later rule that would hold it too is noted.
     */
    private static final class Run {

        private final List<String> notes = new ArrayList<>();
        private final List<String> alsoHeldBy = new ArrayList<>();
        private @Nullable Step holder;
        private String holdReason = "";
        private String holdToAuthor = "";
        private @Nullable CommentVerdict refusal;

        void through(List<Step> steps, CommentSubmission comment) {
            for (Step step : steps) {
                if (refusal != null) {
                    return;
                }
                if (holder != null && !step.mayRefuse() && step.remote()) {
                    continue;
                }
                Decision decision = step.check(comment);
                if (!decision.note().isEmpty()) {
                    notes.add(step.name() + ": " + decision.note());
                }
                switch (decision.kind()) {
                    case REFUSE ->
                        refusal = new CommentVerdict(
                                Outcome.REFUSE, step.name(), decision.reason(), "", List.of(), notes);
                    case HOLD -> {
                        if (holder == null) {
                            holder = step;
                            holdReason = decision.reason();
                            holdToAuthor = decision.toAuthor().isEmpty() ? step.toAuthor() : decision.toAuthor();
                        } else {
                            alsoHeldBy.add(step.name());
                            notes.add("Also: " + decision.reason() + " (the " + step.name() + " check)");
                        }
                    }
                    case PASS -> {}
                }
            }
        }
    }

    @Override
    public void screened(long commentId, CommentSubmission comment, CommentVerdict verdict) {
        screenings.record(commentId, comment, verdict);
    }
}
