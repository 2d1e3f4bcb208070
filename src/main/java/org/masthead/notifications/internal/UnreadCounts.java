package org.masthead.notifications.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Tells a reader's open pages, on any node, their new unread count. */
@Component
public class UnreadCounts {

    static final String EVENT = "unread";

    private final NotificationRepository notifications;
    private final LiveEvents live;

    UnreadCounts(NotificationRepository notifications, LiveEvents live) {
        this.notifications = notifications;
        this.live = live;
    }

    /** Pushes each reader's count as the caller's transaction will commit it; call it last. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(Collection<Long> accountIds) {
        accountIds.stream()
                .sorted()
                .distinct()
                .forEach(accountId -> live.tell(
                        LiveEvent.account(accountId), EVENT, () -> data(notifications.unreadCount(accountId))));
    }

    /** The count now, as the first event on a connection that has a reader. */
    @Transactional(readOnly = true)
    public List<LiveEvent> current(long accountId) {
        return List.of(
                new LiveEvent(0, LiveEvent.account(accountId), EVENT, data(notifications.unreadCount(accountId))));
    }

    private static String data(int count) {
        return "{\"count\":" + count + "}";
    }
}
