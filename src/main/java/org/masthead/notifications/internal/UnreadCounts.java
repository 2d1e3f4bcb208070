package org.masthead.notifications.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Tells a reader's open pages, on any node, their new unread count. */
@Component
public class UnreadCounts {

    static final String EVENT = "unread";

    /** The event's data. */
    record Count(int count) {}

    private final NotificationRepository notifications;
    private final LiveEvents live;
    private final JsonMapper json;

    UnreadCounts(NotificationRepository notifications, LiveEvents live, JsonMapper json) {
        this.notifications = notifications;
        this.live = live;
        this.json = json;
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

    private String data(int count) {
        return json.writeValueAsString(new Count(count));
    }
}
