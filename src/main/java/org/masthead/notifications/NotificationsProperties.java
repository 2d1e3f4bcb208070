package org.masthead.notifications;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
 * @param liveMaxStreams how many live streams this node holds itself at once (streams held by a GRIP proxy
 *     cost it nothing and do not count); more are answered 503, and their pages try again a few seconds
 *     later. Each takes about 100 KB of heap, so 0, the default, means as many as fit in a quarter of
 *     the heap ({@link #liveStreamLimit()}): a node full of streams still serves pages
 * @param batchWindow how long news from what a reader follows (articles on followed topics and by
 *     followed authors, comments in followed conversations) gathers before it is mailed to a reader who
 *     chose e-mail as it happens: one mail per reader per window, however much it lists
 * @param conversationInterval how often each node tells the readers new comments concern (replied to,
 *     mentioned, following the author or the conversation) of those posted since the last time, all at
 *     once: a reader hears of a comment this long after it was posted, at most (more only if the site is
 *     busier than the nodes can keep up with)
 * @param gripPublishUrls the publish endpoints (such as {@code http://127.0.0.1:5561}) of the GRIP
 *     proxies (Pushpin) that hold the live streams in front of the nodes; empty, the default, when each
 *     node holds its own streams. Streams that come through a proxy are held by it; others still by the
 *     node.
 * @param gripSigKey the key the GRIP proxies sign the requests they pass on with (Pushpin's {@code sig_key}),
 *     which tells a node that a request came through a proxy; required with {@code gripPublishUrls}
 */
@ConfigurationProperties("masthead.notifications")
public record NotificationsProperties(
        @DefaultValue("07:00") LocalTime digestAt,
        @DefaultValue("5m") Duration liveTimeout,
        @DefaultValue("25s") Duration liveHeartbeat,
        @DefaultValue("1h") Duration liveRetention,
        @DefaultValue("100") int liveQueueLimit,
        @DefaultValue("30m") Duration batchWindow,
        @DefaultValue("2s") Duration conversationInterval,
        @DefaultValue List<String> gripPublishUrls,
        @DefaultValue("0") int liveMaxStreams,
        @Nullable String gripSigKey) {

    /** What one stream held by a node takes of its heap, measured on Tomcat, which the app ran on before: its buffers, mostly. */
    static final long HEAP_PER_STREAM = 100 * 1024;

    public NotificationsProperties {
        if (liveTimeout.compareTo(Duration.ofSeconds(10)) < 0 || !liveHeartbeat.isPositive()) {
            throw new IllegalArgumentException("masthead.notifications.live-timeout must be at least 10s, and "
                    + "masthead.notifications.live-heartbeat positive");
        }
        if (!liveRetention.isPositive()) {
            throw new IllegalArgumentException(
                    "masthead.notifications.live-retention must be positive, not " + liveRetention);
        }
        if (!batchWindow.isPositive()) {
            throw new IllegalArgumentException("masthead.notifications.batch-window must be positive");
        }
        if (conversationInterval.compareTo(Duration.ofMillis(10)) < 0) {
            throw new IllegalArgumentException("masthead.notifications.conversation-interval must be at least 10ms");
        }
        for (String url : gripPublishUrls) {
            if (!url.matches("https?://[^\\s/]+(/\\S*)?")) {
                throw new IllegalArgumentException(
                        "masthead.notifications.grip-publish-urls: not an http(s) address: " + url);
            }
        }
        if (!gripPublishUrls.isEmpty() && (gripSigKey == null || gripSigKey.isBlank())) {
            throw new IllegalArgumentException("masthead.notifications.grip-sig-key must be the proxies' sig_key"
                    + " when masthead.notifications.grip-publish-urls is set: without it, anyone who reaches a node"
                    + " could pass for the proxy");
        }
        if (liveMaxStreams < 0) {
            throw new IllegalArgumentException(
                    "masthead.notifications.live-max-streams must be 0 (sized by the heap) or more");
        }
        if (liveQueueLimit < 1) {
            throw new IllegalArgumentException("masthead.notifications.live-queue-limit must be at least 1");
        }
    }

    /** How many live streams this node holds itself at most: as set, or sized by the heap. */
    public int liveStreamLimit() {
        return liveMaxStreams > 0
                ? liveMaxStreams
                : (int) Math.max(100, Runtime.getRuntime().maxMemory() / 4 / HEAP_PER_STREAM);
    }
}
