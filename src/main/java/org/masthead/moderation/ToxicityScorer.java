package org.masthead.moderation;

/**
 * Scores how hostile a text reads, from 0 (not at all) to 1 (certainly). Moderation calls it within a
 * time budget ({@code masthead.moderation.toxicity.time-budget}); one that takes longer, or throws, is
 * not waited for, and the comment is published or held as configured and says so. A bean of this type
 * replaces the scorers Masthead brings (its built-in one, or Perspective's when a key is configured).
 */
public interface ToxicityScorer {

    /** A short name for moderators, such as {@code built-in} or {@code perspective}. */
    String name();

    /**
     * Whether the scorer runs in this process, without asking any service: such a scorer is quick, so it
     * is asked even about a comment another rule holds already, and its score is recorded beside that hold
     * (a new reader's threat must not pass as a harmless first comment).
     */
    default boolean runsHere() {
        return false;
    }

    double score(String text);
}
