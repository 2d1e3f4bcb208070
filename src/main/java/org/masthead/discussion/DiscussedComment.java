package org.masthead.discussion;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment as moderation sees it, whatever its status: the text as written, and where it sits.
 *
 * @param status {@code published}, {@code pending} (held for a moderator), {@code rejected} or
 *     {@code deleted} (by its author)
 * @param parentId the top-level comment of its thread; null for a top-level comment
 * @param moderationNote what a moderator told its author, empty if nothing
 */
public record DiscussedComment(
        long id,
        long articleId,
        long authorId,
        @Nullable Long parentId,
        @Nullable Long inReplyToId,
        String body,
        String status,
        Instant postedAt,
        @Nullable Instant editedAt,
        String moderationNote) {

    public static final String PUBLISHED = "published";
    public static final String PENDING = "pending";
    public static final String REJECTED = "rejected";

    public long threadId() {
        return parentId == null ? id : parentId;
    }

    public boolean held() {
        return status.equals(PENDING);
    }

    /** The start of the text on one line, cut at a word, as notifications quote it. */
    public String excerpt() {
        return org.masthead.discussion.internal.CommentText.excerpt(body, EXCERPT_LENGTH);
    }

    private static final int EXCERPT_LENGTH = 200;
}
