package org.masthead.discussion;

import java.time.Instant;

/**
 * A reader reported a comment to the moderators.
 *
 * @param reason one of the form's reasons, such as {@code spam} or {@code harassment}
 * @param reporters how many different readers have reported the comment, this one included
 */
public record CommentReported(
        long commentId,
        long articleId,
        long authorId,
        long reporterId,
        String reason,
        String detail,
        int reporters,
        Instant reportedAt) {}
