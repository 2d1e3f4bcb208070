package org.masthead.discussion;

/**
 * Where a published comment is: its article, and the top-level comment whose thread it is in (itself,
 * for a top-level comment).
 */
public record CommentLocation(long commentId, long articleId, long threadId) {}
