package org.masthead.moderation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A moderator decided a reader's appeal against the rejection of a comment or against a sanction; the
 * reader should hear so. Published in the transaction of the decision, through the event publication
 * registry. The reasons were mailed to the reader with the decision.
 *
 * @param commentId the rejected comment appealed, or null for a sanction
 * @param articleId the article the comment is under, or 0 for a sanction
 * @param articleHeadline that article's headline, or empty for a sanction
 * @param outcome what became of the appeal, in a sentence for the reader
 */
public record AppealDecided(
        long appealId,
        long readerId,
        boolean overturned,
        @Nullable Long commentId,
        long articleId,
        String articleHeadline,
        String outcome,
        Instant decidedAt) {}
