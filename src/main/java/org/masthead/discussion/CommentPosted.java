package org.masthead.discussion;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A comment or reply was published under an article. Published in the transaction that stored it, so
 * that what follows from it (notifications, live updates, counts) can be recorded in that transaction, and
 * happen if and only if it commits, crash or not; a listener that would rather run after the commit goes
 * through the event publication registry.
 *
 * @param parentId the top-level comment whose thread this reply joins; null for a top-level comment
 * @param inReplyToId the comment this replies to, itself a top-level comment or a reply
 * @param inReplyToAuthorId who wrote the comment replied to
 * @param mentionedIds readers named with an @mention in the text, never the author
 * @param excerpt the start of the text, as written, for notifications
 */
public record CommentPosted(
        long commentId,
        long articleId,
        String articleHeadline,
        long authorId,
        @Nullable Long parentId,
        @Nullable Long inReplyToId,
        @Nullable Long inReplyToAuthorId,
        Set<Long> mentionedIds,
        String excerpt,
        Instant postedAt) {

    public boolean isReply() {
        return inReplyToId != null;
    }
}
