package org.masthead.moderation.internal;

/**
 * A moderator's decision on a reader as the reader is told it, in the app and by mail: the statement of
 * reasons.
 *
 * @param what the decision, in a sentence to the reader
 * @param until when it ends, as displayed, or empty
 * @param ruleAnchor the rule's anchor on the community standards page
 * @param text the text concerned, or empty
 * @param canRead whether to remind them that they can still read, sign in and take their data
 */
public record Statement(
        String what, String until, String rule, String ruleAnchor, String reason, String text, boolean canRead) {

    /** The reason as a sentence: with a full stop, unless the moderator's words already end one. */
    public String reasonSentence() {
        return reason.isEmpty() || reason.matches("(?s).*[.!?…]$") ? reason : reason + ".";
    }
}
