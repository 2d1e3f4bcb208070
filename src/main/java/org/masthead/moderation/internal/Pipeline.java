package org.masthead.moderation.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.masthead.discussion.CommentScreening;
import org.masthead.discussion.CommentSubmission;
import org.masthead.discussion.CommentVerdict;
import org.masthead.discussion.CommentVerdict.Outcome;
import org.masthead.moderation.internal.Step.Decision;
import org.masthead.platform.Admission;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moderation rules every new or changed comment passes, in order (Coral Talk's moderation phases
 * are the model): the reader's sanctions, a new reader's first comments, banned words, suspect words,
 * links, the same text again, and how hostile it reads. The reader's rate limit comes before all of
 * them, in the discussion. The first refusal decides; a hold stands unless a later rule refuses. Once a
 * comment is held, the rules on this node still say whether they would have held it too, so that the
 * moderator sees every reason (and finds it under each rule's filter); the remote scorer's answer is not
 * waited for.
 */
@Component
class Pipeline implements CommentScreening {

    private final List<Step> local;
    private final List<Step> remote;
    private final Screenings screenings;
    private final @Nullable SanctionStep sanctions;
    private final @Nullable Tallies tallies;
    private final @Nullable TransactionTemplate lookups;
    private final Admission admission;

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
            PlatformTransactionManager transactions,
            Admission admission) {
        this(
                List.of(sanctions, newReaders, banned, suspect, links, repeated, toxicity),
                screenings,
                sanctions,
                tallies,
                oneConnection(transactions),
                admission);
    }

    Pipeline(List<Step> steps, Screenings screenings, @Nullable SanctionStep sanctions, @Nullable Tallies tallies) {
        this(steps, screenings, sanctions, tallies, null, Runnable::run);
    }

    Pipeline(List<Step> steps, Screenings screenings, PlatformTransactionManager transactions) {
        this(steps, screenings, null, null, oneConnection(transactions), Runnable::run);
    }

    private Pipeline(
            List<Step> steps,
            Screenings screenings,
            @Nullable SanctionStep sanctions,
            @Nullable Tallies tallies,
            @Nullable TransactionTemplate lookups,
            Admission admission) {
        // The remote rules go last, keeping their order; they are last in the list already.
        this.local = steps.stream().filter(step -> !step.remote()).toList();
        this.remote = steps.stream().filter(Step::remote).toList();
        this.screenings = screenings;
        this.sanctions = sanctions;
        this.tallies = tallies;
        this.lookups = lookups;
        this.admission = admission;
    }

    /**
     * A scope that keeps the connection its first statement borrows for the rest, without a transaction:
     * the rules only read, each statement sees what is committed as it runs, and a transaction's BEGIN and
     * COMMIT would cost the database a round trip, and both sides a wake-up, for nothing.
     */
    private static TransactionTemplate oneConnection(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        return template;
    }

    @Override
    public org.masthead.discussion.ReaderStanding standing(long authorId) {
        return sanctions == null ? org.masthead.discussion.ReaderStanding.GOOD : sanctions.standing(authorId);
    }

    /**
     * Asks the remote scorer at once, so that its answer (tens of milliseconds away) travels while the
     * caller's own checks and the local rules run. The rules that look things up in the database (the
     * reader's sanctions and history, the same text again) share one pooled connection ({@link
     * #oneConnection}), rather than borrowing one per rule: at 200 comments a second the pool is the scarce
     * thing, and each borrow waits in line behind the posting transactions. The answer is waited for
     * after the connection is returned, with the request's turn lent to another ({@link Admission}); a
     * comment they refuse or hold does not wait for it.
     */
    @Override
    public Screening begin(CommentSubmission comment) {
        Map<Step, Step.Asked> asked = new IdentityHashMap<>();
        remote.forEach(step -> asked.put(step, step.ask(comment)));
        return new Screening() {
            @Override
            public CommentVerdict verdict() {
                return judge(comment, asked);
            }

            @Override
            public void close() {
                asked.values().forEach(Step.Asked::withdraw);
            }
        };
    }

    private CommentVerdict judge(CommentSubmission comment, Map<Step, Step.Asked> asked) {
        Run run = new Run();
        if (lookups == null) {
            run.through(local, step -> step.check(comment));
        } else {
            lookups.executeWithoutResult(status -> run.through(local, step -> step.check(comment)));
        }
        if (run.refusal == null) {
            admission.whileWaiting(() -> run.through(
                    remote, step -> Objects.requireNonNull(asked.get(step)).decision()));
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

        void through(List<Step> steps, Function<Step, Decision> check) {
            for (Step step : steps) {
                if (refusal != null) {
                    return;
                }
                if (holder != null && !step.mayRefuse() && step.remote()) {
                    continue;
                }
                Decision decision = check.apply(step);
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
