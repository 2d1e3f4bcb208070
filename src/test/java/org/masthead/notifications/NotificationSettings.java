package org.masthead.notifications;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@link NotificationsProperties} at their defaults but for the settings a test is about. */
public final class NotificationSettings {

    private NotificationSettings() {}

    public static NotificationsProperties of(
            Duration conversationInterval,
            int liveMaxStreams,
            List<String> gripPublishUrls,
            @Nullable String gripSigKey) {
        return new NotificationsProperties(
                LocalTime.of(7, 0),
                Duration.ofMinutes(5),
                Duration.ofSeconds(25),
                Duration.ofHours(1),
                100,
                Duration.ofMinutes(30),
                conversationInterval,
                gripPublishUrls,
                liveMaxStreams,
                gripSigKey);
    }
}
