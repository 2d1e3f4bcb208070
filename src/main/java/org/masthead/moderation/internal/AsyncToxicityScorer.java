package org.masthead.moderation.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.masthead.moderation.ToxicityScorer;

/**
 * A scorer that asks a service without holding a thread while the answer travels. The toxicity step
 * sends such a scorer the comment itself, rather than through a thread of its own that would only wait:
 * at 200 comments a second, each hand-over between threads wakes one more, and the waking cost more of
 * the machine than the scoring.
 */
interface AsyncToxicityScorer extends ToxicityScorer {

    /** The score, when the service has answered; completed exceptionally when it cannot be had. */
    CompletableFuture<Double> scoreAsync(String text);

    @Override
    default double score(String text) {
        try {
            return scoreAsync(text).join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }
}
