package org.masthead.newsroom;

import java.time.Instant;

/**
 * An editor decided a journalist's story: sent it back with a note, or published it. Its journalist is
 * told, wherever they are on the site; a decision on one's own story is not announced.
 *
 * @param decisionId the desk's record of the decision: no two decisions share it
 * @param journalistId the account that made the draft
 * @param editorId the account that decided
 * @param note what the editor asked for, when sending the story back; empty otherwise
 */
public record StoryDecided(
        long decisionId,
        long articleId,
        String headline,
        long journalistId,
        long editorId,
        Outcome outcome,
        String note,
        Instant at) {

    public enum Outcome {
        SENT_BACK,
        PUBLISHED
    }
}
