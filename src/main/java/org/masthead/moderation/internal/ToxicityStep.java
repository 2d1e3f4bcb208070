package org.masthead.moderation.internal;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.masthead.discussion.CommentSubmission;
import org.masthead.moderation.ModerationProperties;
import org.masthead.moderation.ModerationProperties.Fallback;
import org.masthead.moderation.ToxicityScorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A comment that reads as hostile, scored above the threshold, waits for a moderator. The scorer is
 * never waited on for longer than the time budget: a slow, busy or failing scorer leaves the comment
 * published or held as configured, and the comment's record says so.
 */
@Component
class ToxicityStep implements Step, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ToxicityStep.class);

    /** Scores being waited for at once, beyond which a comment does not wait for one at all. */
    private static final int MAX_SCORING = 64;

    private final ToxicityScorer scorer;
    private final ModerationProperties.Toxicity settings;
    private final ExecutorService scoring;
    private final Semaphore outAsync = new Semaphore(MAX_SCORING);

    ToxicityStep(ToxicityScorer scorer, ModerationProperties properties) {
        this.scorer = scorer;
        this.settings = properties.toxicity();
        AtomicInteger threads = new AtomicInteger();
        this.scoring = new ThreadPoolExecutor(0, MAX_SCORING, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "toxicity-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String name() {
        return "toxicity";
    }

    @Override
    public String toAuthor() {
        return "It may break our community standards, so a moderator will read it first.";
    }

    @Override
    public boolean mayRefuse() {
        return false;
    }

    /** A scorer that asks a service is remote; the built-in one runs here and is asked like the other rules. */
    @Override
    public boolean remote() {
        return !scorer.runsHere();
    }

    @Override
    public Decision check(CommentSubmission comment) {
        return ask(comment).decision();
    }

    /** Sends the comment to the scorer at once; the time budget counts from then. */
    @Override
    public Asked ask(CommentSubmission comment) {
        long askedAt = System.nanoTime();
        Future<Double> score;
        try {
            score = send(comment.body());
        } catch (RejectedExecutionException busy) {
            return Asked.answered(fallback("the " + scorer.name() + " scorer was busy"));
        }
        return new Asked() {
            @Override
            public Decision decision() {
                return decide(score, askedAt);
            }

            @Override
            public void withdraw() {
                score.cancel(true);
            }
        };
    }

    /**
     * Asks the scorer: one that answers later is asked by the caller's thread, the others on a thread of
     * their own. Either way no more than {@value #MAX_SCORING} are out at once.
     *
     * @throws RejectedExecutionException when that many are out already
     */
    private Future<Double> send(String text) {
        if (!(scorer instanceof AsyncToxicityScorer async)) {
            return scoring.submit(() -> scorer.score(text));
        }
        if (!outAsync.tryAcquire()) {
            throw new RejectedExecutionException("busy");
        }
        CompletableFuture<Double> score;
        try {
            score = async.scoreAsync(text);
        } catch (RuntimeException failed) {
            // A scorer that fails before it asks fails like one that fails later: the comment is not blocked.
            outAsync.release();
            return CompletableFuture.failedFuture(failed);
        }
        score.whenComplete((value, failure) -> outAsync.release());
        return score;
    }

    private Decision decide(Future<Double> score, long askedAt) {
        long budget = settings.timeBudget().toNanos();
        try {
            double value = score.get(Math.max(0, budget - (System.nanoTime() - askedAt)), TimeUnit.NANOSECONDS);
            if (value > settings.threshold()) {
                return Decision.hold(String.format(
                        Locale.ROOT,
                        "Scored %.2f for toxicity by the %s scorer, above %.2f",
                        value,
                        scorer.name(),
                        settings.threshold()));
            }
            return Decision.PASS;
        } catch (TimeoutException slow) {
            score.cancel(true);
            return fallback("the " + scorer.name() + " scorer did not answer within "
                    + settings.timeBudget().toMillis() + " ms");
        } catch (ExecutionException failed) {
            log.warn(
                    "The {} toxicity scorer failed: {}",
                    scorer.name(),
                    failed.getCause().toString());
            return fallback("the " + scorer.name() + " scorer failed");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return fallback("scoring was interrupted");
        }
    }

    private Decision fallback(String what) {
        return settings.onTimeout() == Fallback.HOLD
                // Nothing says the comment is hostile: its author is told only that a moderator will read it.
                ? Decision.hold("Not scored: " + what + "; held, as configured", Step.NEUTRAL)
                : Decision.PASS.noting("not scored: " + what + "; published, as configured");
    }

    @Override
    public void destroy() {
        scoring.shutdownNow();
    }
}
