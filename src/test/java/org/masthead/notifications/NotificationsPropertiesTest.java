package org.masthead.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.masthead.StartupSettings.refusal;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A setting that cannot work stops the node at start with the setting's name, not later in a worker. */
class NotificationsPropertiesTest {

    private static NotificationsProperties withConversationInterval(Duration interval) {
        return with(interval, 0);
    }

    private static NotificationsProperties with(Duration interval, int liveMaxStreams) {
        return with(interval, liveMaxStreams, List.of(), null);
    }

    private static NotificationsProperties with(
            Duration interval, int liveMaxStreams, List<String> gripPublishUrls, @Nullable String gripSigKey) {
        return NotificationSettings.of(interval, liveMaxStreams, gripPublishUrls, gripSigKey);
    }

    @Test
    void aConversationIntervalTooShortToBeARoundIsRefusedByName() {
        assertThat(withConversationInterval(Duration.ofSeconds(2)).conversationInterval())
                .isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> withConversationInterval(Duration.ZERO))
                .hasMessageContaining("masthead.notifications.conversation-interval");
        assertThatThrownBy(() -> withConversationInterval(Duration.ofMillis(-5)))
                .hasMessageContaining("masthead.notifications.conversation-interval");
    }

    @Test
    void aProxyToPublishToNeedsTheKeyItSignsWith() {
        List<String> pushpin = List.of("http://127.0.0.1:5561");
        assertThat(with(Duration.ofSeconds(2), 0, pushpin, "a-shared-key").gripSigKey())
                .isEqualTo("a-shared-key");
        assertThatThrownBy(() -> with(Duration.ofSeconds(2), 0, pushpin, null))
                .hasMessageContaining("masthead.notifications.grip-sig-key");
        assertThatThrownBy(() -> with(Duration.ofSeconds(2), 0, pushpin, " "))
                .hasMessageContaining("masthead.notifications.grip-sig-key");
    }

    @Test
    void theLiveStreamCapIsTheSettingOrAQuarterOfTheHeapAndNeverNegative() {
        assertThat(with(Duration.ofSeconds(2), 250).liveStreamLimit()).isEqualTo(250);
        assertThat(with(Duration.ofSeconds(2), 0).liveStreamLimit())
                .as("a quarter of this JVM's heap at about 100 KB a stream")
                .isEqualTo((int) Math.max(100, Runtime.getRuntime().maxMemory() / 4 / (100 * 1024)));
        assertThatThrownBy(() -> with(Duration.ofSeconds(2), -1))
                .hasMessageContaining("masthead.notifications.live-max-streams");
    }

    @Test
    void aLiveRetentionThatIsNotPositiveIsRefusedByNameRatherThanDeletingEveryEvent() {
        refusal(NotificationsProperties.class, "masthead.notifications", "masthead.notifications.live-retention=-1h")
                .hasMessage("masthead.notifications.live-retention must be positive, not PT-1H");
    }
}
