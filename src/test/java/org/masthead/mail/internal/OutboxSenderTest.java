package org.masthead.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.masthead.mail.MailProperties;

class OutboxSenderTest {

    final MailProperties properties = new MailProperties(
            "The Masthead <newsroom@localhost>",
            "The Masthead",
            Duration.ofSeconds(5),
            8,
            Duration.ofSeconds(30),
            Duration.ofHours(1),
            Duration.ofDays(30));

    @Test
    void waitBetweenAttemptsDoublesUpToTheCap() {
        assertThat(OutboxSender.delayAfter(1, properties)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxSender.delayAfter(2, properties)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.delayAfter(3, properties)).isEqualTo(Duration.ofMinutes(2));
        assertThat(OutboxSender.delayAfter(7, properties)).isEqualTo(Duration.ofMinutes(32));
        assertThat(OutboxSender.delayAfter(8, properties)).isEqualTo(Duration.ofHours(1));
        assertThat(OutboxSender.delayAfter(1000, properties)).isEqualTo(Duration.ofHours(1));
    }
}
