package org.masthead.discussion;

/**
 * What decides whether a new or changed comment is published, held for a moderator or refused. The
 * discussion asks before it opens the posting transaction, so that no database connection waits on a
 * slow check, and reports the comment's id from inside that transaction, so that the record of why it
 * was decided commits with the comment or not at all. The moderation module provides it; without one,
 * every comment is published.
 */
public interface CommentScreening {

    /** Publishes everything: the discussion on its own, with no moderation module. */
    CommentScreening NONE = new CommentScreening() {
        @Override
        public Screening begin(CommentSubmission submission) {
            return CommentVerdict::published;
        }

        @Override
        public void screened(long commentId, CommentSubmission submission, CommentVerdict verdict) {}
    };

    /** The reader's standing, told to them before they write: a warning, a suspension, a ban. */
    default ReaderStanding standing(long authorId) {
        return ReaderStanding.GOOD;
    }

    /**
     * Judges the text as its author sent it, before it is stored; it may count what it refuses, but never
     * stores the comment.
     */
    default CommentVerdict screen(CommentSubmission submission) {
        try (Screening screening = begin(submission)) {
            return screening.verdict();
        }
    }

    /**
     * Starts judging the text: what is asked of a service elsewhere (a toxicity scorer, tens of milliseconds
     * away) is sent at once, so that the caller's own checks run while the answer travels. {@link
     * Screening#verdict} finishes the judgement as {@link #screen} does.
     */
    Screening begin(CommentSubmission submission);

    /** A judgement under way. Closing it unfinished (the caller refused the comment itself) withdraws what it asked. */
    @FunctionalInterface
    interface Screening extends AutoCloseable {

        /** The verdict, waiting for the answers asked for, as long as the rules allow. */
        CommentVerdict verdict();

        @Override
        default void close() {}
    }

    /**
     * The comment was stored (or changed) as the verdict said: called inside the transaction that
     * stores it. Never called for a refusal.
     */
    void screened(long commentId, CommentSubmission submission, CommentVerdict verdict);
}
