package org.masthead.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.masthead.mail.Mail.Kind;
import org.masthead.mail.MailTemplates.RenderedMail;
import org.masthead.mail.MailboxMessage.Status;
import org.masthead.mail.internal.OutboxSender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail through a real SMTP server (GreenMail) of this test's own, so that it can be stopped. The sender
 * polls rarely here: it sends when woken by a new message, or when the test drives it.
 */
@SpringBootTest(
        properties = {
            "masthead.data-dir=target/test-data/mail-${random.uuid}",
            "masthead.demo-content=false",
            "masthead.mail.from=The Daily Test <news@daily.test>",
            "masthead.mail.site-name=The Daily Test",
            "masthead.mail.poll-interval=1h",
            "masthead.mail.max-attempts=3",
            "spring.mail.host=127.0.0.1",
            "spring.mail.properties.mail.smtp.connectiontimeout=2000",
            "spring.mail.properties.mail.smtp.timeout=2000",
            "spring.mail.properties.mail.smtp.writetimeout=2000"
        })
class SmtpMailTest {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    Mailer mailer;

    @Autowired
    MailTemplates templates;

    @Autowired
    Mailbox mailbox;

    @Autowired
    OutboxSender sender;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient db;

    final String reader = "reader-" + UUID.randomUUID() + "@example.com";

    @Test
    void mailFromACommittedTransactionArrivesWithTextAndHtmlParts() throws Exception {
        RenderedMail content =
                templates.render("example", Map.of("name", "Ada", "link", "https://daily.test/verify?t=1"));
        transaction.executeWithoutResult(status -> mailer.send(
                new Mail(reader, "Your café order", content.text(), content.html(), Kind.TRANSACTIONAL, null)));

        MimeMessage received = awaitMessageTo(reader);
        assertThat(received.getSubject()).isEqualTo("Your café order");
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("news@daily.test");
        assertThat(from.getPersonal()).isEqualTo("The Daily Test");
        assertThat(received.getRecipients(Message.RecipientType.TO))
                .extracting(address -> ((InternetAddress) address).getAddress())
                .containsExactly(reader);
        assertThat(received.getHeader("List-Unsubscribe")).isNull();
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat((String) parts.getBodyPart(0).getContent())
                .contains("The Daily Test")
                .contains("Hello Ada")
                .contains("https://daily.test/verify?t=1");
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat((String) parts.getBodyPart(1).getContent())
                .contains("The Daily Test")
                .contains("href=\"https://daily.test/verify?t=1\"");
        assertThat(mailbox.lastTo(reader).orElseThrow().status()).isEqualTo(Status.SENT);
    }

    @Test
    void mailFromARolledBackTransactionIsNeverSent() {
        String other = "other-" + UUID.randomUUID() + "@example.com";
        transaction.executeWithoutResult(status -> {
            mailer.send(mail(reader, "Welcome aboard"));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> mailer.send(mail(other, "Sent after the rollback")));

        awaitMessageTo(other);
        assertThat(sender.sendDue()).isZero();
        assertThat(messagesTo(reader)).isEmpty();
        assertThat(mailbox.lastTo(reader)).isEmpty();
    }

    @Test
    void marketingMailCarriesOneClickUnsubscribe() throws Exception {
        String unsubscribe = "https://daily.test/newsletters/unsubscribe?token=abc";
        RenderedMail content =
                templates.render("example", Map.of("name", "Ada", "link", "https://daily.test/"), unsubscribe);
        mailer.send(new Mail(
                reader, "This week's best reads", content.text(), content.html(), Kind.MARKETING, unsubscribe));

        MimeMessage received = awaitMessageTo(reader);
        assertThat(received.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).contains(unsubscribe);
        assertThat((String) parts.getBodyPart(1).getContent()).contains("href=\"" + unsubscribe + "\"");
    }

    @Test
    void mailWaitsWhileTheMailServerIsDownAndIsSentWhenItIsBack() {
        smtp.stop();
        long id = mailer.send(mail(reader, "Reset your password"));

        MailboxMessage waiting = awaitFailedAttempts(id, 1);
        assertThat(waiting.status()).isEqualTo(Status.PENDING);
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(waiting.nextAttemptAt()).isAfter(Instant.now().plusSeconds(20));
        assertThat(waiting.sentAt()).isNull();
        assertThat(sender.sendDue()).as("nothing is due before the retry delay").isZero();

        smtp.start();
        makeDue(id);
        assertThat(sender.sendDue()).isEqualTo(1);

        MailboxMessage sent = mailbox.message(id).orElseThrow();
        assertThat(sent.status()).isEqualTo(Status.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.nextAttemptAt()).isNull();
        assertThat(messagesTo(reader)).hasSize(1);
    }

    @Test
    void mailIsGivenUpAfterTheLastAttempt() {
        smtp.stop();
        long id = mailer.send(mail(reader, "Your sign-in code"));
        awaitFailedAttempts(id, 1);

        makeDue(id);
        sender.sendDue();
        assertThat(mailbox.message(id).orElseThrow().status()).isEqualTo(Status.PENDING);
        makeDue(id);
        sender.sendDue();

        MailboxMessage failed = mailbox.message(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.failedAt()).isNotNull();
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(failed.lastError()).isNotBlank();
        smtp.start();
        makeDue(id);
        assertThat(sender.sendDue()).as("a failed message is not tried again").isZero();
        assertThat(messagesTo(reader)).isEmpty();
    }

    Mail mail(String to, String subject) {
        RenderedMail content = templates.render("example", Map.of("name", "Ada", "link", "https://daily.test/"));
        return new Mail(to, subject, content.text(), content.html(), Kind.TRANSACTIONAL, null);
    }

    MailboxMessage awaitFailedAttempts(long id, int attempts) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            MailboxMessage message = mailbox.message(id).orElseThrow();
            return message.attempts() == attempts && message.lastError() != null;
        });
        return mailbox.message(id).orElseThrow();
    }

    /** Brings a waiting message's next attempt forward to now, as if its retry delay had passed. */
    void makeDue(long id) {
        db.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE id = :id AND next_attempt_at IS NOT NULL")
                .param("id", id)
                .update();
    }

    MimeMessage awaitMessageTo(String address) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !messagesTo(address).isEmpty());
        return messagesTo(address).getFirst();
    }

    List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(to ->
                                        ((InternetAddress) to).getAddress().equals(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
