package org.masthead.notifications.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Long> accounts = new HashMap<>();
        accountIds.forEach(id -> accounts.put(LiveEvent.account(id), id));
        live.tell(accounts.keySet(), EVENT, () -> {
            Map<Long, Integer> counts = notifications.unreadCounts(accounts.values());
            Map<String, String> states = new HashMap<>();
            accounts.forEach((topic, id) -> states.put(topic, data(counts.getOrDefault(id, 0))));
            return states;
        });
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
