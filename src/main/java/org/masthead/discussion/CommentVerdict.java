package org.masthead.discussion;

import java.util.List;

/**
 * What screening decided about a comment, and which rule decided it.
 *
 * @param step the name of the rule that decided, such as {@code banned-words}; empty when every rule
 *     let it through
 * @param reason why, in words: for a refusal, shown to its author; for a hold, to moderators
 * @param toAuthor for a hold, why it waits in words for its author, which never name the word or the
 *     score that held it; empty otherwise
 * @param alsoHeldBy for a hold, the other rules that would have held it too, in order
 * @param notes what else happened along the way that a moderator should know (why those other rules
 *     would have held it, a checker that did not answer in time)
 */
public record CommentVerdict(
        Outcome outcome, String step, String reason, String toAuthor, List<String> alsoHeldBy, List<String> notes) {

    public enum Outcome {
        /** Shown to everyone at once. */
        PUBLISH,
        /** Kept back for a moderator: only its author and moderators see it. */
        HOLD,
        /** Not taken at all: its author is told why. */
        REFUSE
    }

    public CommentVerdict {
        alsoHeldBy = List.copyOf(alsoHeldBy);
        notes = List.copyOf(notes);
    }

    public static CommentVerdict published() {
        return new CommentVerdict(Outcome.PUBLISH, "", "", "", List.of(), List.of());
    }

    public boolean held() {
        return outcome == Outcome.HOLD;
    }

    public boolean refused() {
        return outcome == Outcome.REFUSE;
    }
}
