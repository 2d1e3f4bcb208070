package org.masthead.notifications.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A notification as stored.
 *
 * @param commentId the comment it links to
 * @param actorId who acted last; {@code actorCount} counts everyone who did, once each
 * @param updatedAt when it last changed: the list's order
 * @param followed for an article on a topic or by an author the reader follows, which
 * @param link where it leads, when that is not its comment (an article's address)
 */
public record Notification(
        long id,
        long recipientId,
        NotificationKind kind,
        long commentId,
        long articleId,
        String articleHeadline,
        long actorId,
        int actorCount,
        String excerpt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant readAt,
        @Nullable Followed followed,
        @Nullable String link) {

    /** What the reader follows that published the article. */
    public record Followed(boolean author, String name) {}

    public boolean unread() {
        return readAt == null;
    }
}
