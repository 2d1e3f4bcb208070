package org.masthead.discussion;

import java.time.Instant;

/** A reader recommended someone else's comment. Undoing it raises no event. */
public record CommentRecommended(
        long commentId,
        long articleId,
        String articleHeadline,
        long commentAuthorId,
        long recommenderId,
        Instant recommendedAt) {}
