package org.masthead.moderation;

import java.time.Instant;

/**
 * A moderator approved a comment that was held for review: it is now in the conversation, and its
 * author should hear so. Published in the transaction of the decision, through the event publication
 * registry.
 */
public record CommentApproved(
        long commentId, long articleId, String articleHeadline, long authorId, String excerpt, Instant approvedAt) {}
