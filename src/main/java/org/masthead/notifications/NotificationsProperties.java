package org.masthead.notifications;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notifications and live updates.
 *
 * @param digestAt the time of day, in the site's time zone, at which daily digests go out
 * @param liveTimeout how long one live connection ({@code /live}) stays open before the server ends
 *     it and the browser reconnects by itself (picking up where it left off); each connection gets a
 *     little less, at random, so that pages opened together do not all reconnect together
 * @param liveHeartbeat how often an idle live connection is sent a comment line, so that proxies keep
 *     it open and the server notices readers who have gone
 * @param liveRetention how long pushed events are kept for pages that reconnect
 * @param liveQueueLimit how many events may wait for one slow connection before it is closed (its
 *     browser reconnects and is sent what it missed)
 * @param batchWindow how long news from what a reader follows (articles on followed topics and by
 *     followed authors, comments in followed conversations) gathers before it is mailed to a reader who
 *     chose e-mail as it happens: one mail per reader per window, however much it lists
 */
@ConfigurationProperties("masthead.notifications")
public record NotificationsProperties(
        @DefaultValue("07:00") LocalTime digestAt,
        @DefaultValue("5m") Duration liveTimeout,
        @DefaultValue("25s") Duration liveHeartbeat,
        @DefaultValue("1h") Duration liveRetention,
        @DefaultValue("100") int liveQueueLimit,
        @DefaultValue("30m") Duration batchWindow) {

    public NotificationsProperties {
        if (liveTimeout.compareTo(Duration.ofSeconds(10)) < 0 || !liveHeartbeat.isPositive()) {
            throw new IllegalArgumentException("masthead.notifications.live-timeout must be at least 10s, and "
                    + "masthead.notifications.live-heartbeat positive");
        }
        if (!batchWindow.isPositive()) {
            throw new IllegalArgumentException("masthead.notifications.batch-window must be positive");
        }
        if (liveQueueLimit < 1) {
            throw new IllegalArgumentException("masthead.notifications.live-queue-limit must be at least 1");
        }
    }
}
