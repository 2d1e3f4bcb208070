package org.masthead.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A setting that cannot work stops the node at start with the setting's name, not later in a worker. */
class NotificationsPropertiesTest {

    private static NotificationsProperties withConversationInterval(Duration interval) {
        return new NotificationsProperties(
                LocalTime.of(7, 0),
                Duration.ofMinutes(5),
                Duration.ofSeconds(25),
                Duration.ofHours(1),
                100,
                Duration.ofMinutes(30),
                interval,
                List.of(),
                0);
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
}
