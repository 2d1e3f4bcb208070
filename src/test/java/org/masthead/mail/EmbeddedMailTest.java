package org.masthead.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.masthead.mail.Mail.Kind;
import org.masthead.mail.MailTemplates.RenderedMail;
import org.masthead.mail.MailboxMessage.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Without a mail server, as a newcomer runs the site: mail is logged and kept in the mailbox. */
@LocalMailTest
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedMailTest {

    @Autowired
    Mailer mailer;

    @Autowired
    MailTemplates templates;

    @Autowired
    Mailbox mailbox;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void mailWithoutAMailServerIsWrittenToTheLogWithItsLinks(CapturedOutput output) {
        String reader = "reader-" + UUID.randomUUID() + "@example.com";
        String link = "https://daily.test/account/verify?token=" + UUID.randomUUID();
        RenderedMail content = templates.render("example", Map.of("name", "Ada", "link", link));

        long id = mailer.send(
                new Mail(reader, "Confirm your address", content.text(), content.html(), Kind.TRANSACTIONAL, null));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> mailbox.message(id).orElseThrow().status() == Status.SENT);
        assertThat(output.getOut())
                .contains(reader)
                .contains("Confirm your address")
                .contains(link);
        assertThat(mailbox.keepsMailLocally()).isTrue();
        assertThat(mailbox.lastTo(reader.toUpperCase()))
                .get()
                .extracting(MailboxMessage::id)
                .isEqualTo(id);
    }

    @Test
    void readersAreToldNothingOfMailServersOrLogsEvenWhenNoMailLeaves() {
        assertThat(new org.masthead.Http(port).get("/signin/email-link/sent").body())
                .contains("Check your e-mail")
                .doesNotContain("mail server")
                .doesNotContain("the application's log");
    }
}
