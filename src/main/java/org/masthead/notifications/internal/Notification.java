package org.masthead.notifications.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A notification as stored.
 *
 * @param commentId the comment it links to
 * @param actorId who acted last; {@code actorCount} counts everyone who did, once each
 * @param updatedAt when it last changed: the list's order
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
        @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
