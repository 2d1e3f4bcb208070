package org.masthead.discussion;

import org.jspecify.annotations.Nullable;

/**
 * A comment as its author sent it, to be screened.
 *
 * @param commentId the comment being changed, for an edit; null for a new comment or reply
 * @param body the text, with line endings and surrounding space already tidied as it will be stored
 */
public record CommentSubmission(long authorId, long articleId, @Nullable Long commentId, String body) {

    public boolean isEdit() {
        return commentId != null;
    }
}
