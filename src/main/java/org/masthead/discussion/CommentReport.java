package org.masthead.discussion;

import java.time.Instant;

/**
 * A reader's report of a comment, as the moderators read it.
 *
 * @param reason why, in the words the reader chose from ("Spam or advertising")
 * @param detail what the reader added, empty if nothing
 */
public record CommentReport(long commentId, long reporterId, String reason, String detail, Instant reportedAt) {}
