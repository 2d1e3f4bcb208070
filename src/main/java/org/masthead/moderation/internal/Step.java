package org.masthead.moderation.internal;

import org.masthead.discussion.CommentSubmission;

/**
 * One rule of the screening pipeline: small, named, and tested on its own. The pipeline asks each in
 * turn; the first refusal decides, and once a step holds a comment, only the steps that may still
 * refuse it are asked (a slow check that could only hold it again is not made).
 */
interface Step {

    /** The name moderators see for what decided, such as {@code banned-words}. */
    String name();

    /**
     * Why a comment this step holds waits, in words for its author: the reason moderators see names the
     * word that matched or the score, which the author is not shown.
     */
    default String toAuthor() {
        return NEUTRAL;
    }

    /** Why a comment waits, for its author, when nothing more can be said of it. */
    String NEUTRAL = "A moderator will read it before it is shown.";

    /** Whether this step ever refuses a comment, rather than only holding it. */
    boolean mayRefuse();

    /**
     * Whether the rule asks a service outside the database (and may take tens of milliseconds): such a
     * rule is asked after the others, outside their shared read-only transaction.
     */
    default boolean remote() {
        return false;
    }

    Decision check(CommentSubmission comment);

    /**
     * Starts checking the comment, for the decision to be taken later. A remote rule sends its question at
     * once, so that the answer travels while the rules on this node read the database; any other rule
     * checks when its decision is wanted.
     */
    default Asked ask(CommentSubmission comment) {
        return new Asked() {
            @Override
            public Decision decision() {
                return check(comment);
            }

            @Override
            public void withdraw() {}
        };
    }

    /** A rule's check under way. */
    interface Asked {

        /** What the rule made of the comment, waiting for it if need be. */
        Decision decision();

        /** Says the decision is no longer wanted: a question still out is abandoned. */
        void withdraw();

        /** A check that decided at once, with nothing out to withdraw. */
        static Asked answered(Decision decision) {
            return new Asked() {
                @Override
                public Decision decision() {
                    return decision;
                }

                @Override
                public void withdraw() {}
            };
        }
    }

    /**
     * What a step made of a comment.
     *
     * @param note something a moderator should know even when the step let the comment through, such as
     *     a checker that did not answer in time; empty if nothing
     * @param toAuthor for a hold, why it waits in words for its author when this hold's words differ from
     *     the step's ({@link Step#toAuthor()}); empty for the step's
     */
    record Decision(Kind kind, String reason, String note, String toAuthor) {

        enum Kind {
            PASS,
            HOLD,
            REFUSE
        }

        static final Decision PASS = new Decision(Kind.PASS, "", "", "");

        static Decision hold(String reason) {
            return new Decision(Kind.HOLD, reason, "", "");
        }

        static Decision hold(String reason, String toAuthor) {
            return new Decision(Kind.HOLD, reason, "", toAuthor);
        }

        static Decision refuse(String reason) {
            return new Decision(Kind.REFUSE, reason, "", "");
        }

        Decision noting(String note) {
            return new Decision(kind, reason, note, toAuthor);
        }
    }
}
