package org.masthead.discussion;

import java.time.Instant;

/**
 * A published comment was changed or deleted by its author, so that pages showing it can show it
 * afresh. Moderation's decisions belong here too when they come.
 */
public record CommentChanged(long commentId, long articleId, Instant changedAt) {}
