package org.masthead.mail;

import static org.masthead.StartupSettings.refusal;

import org.junit.jupiter.api.Test;

class MailPropertiesTest {

    @Test
    void aRetentionThatIsNotPositiveIsRefusedAtStartRatherThanDeletingEveryMessage() {
        refusal(MailProperties.class, "masthead.mail", "masthead.mail.retention=-30d")
                .hasMessage("masthead.mail.retention must be positive, not PT-720H");
        refusal(MailProperties.class, "masthead.mail", "masthead.mail.retention=0s")
                .hasMessage("masthead.mail.retention must be positive, not PT0S");
    }
}
