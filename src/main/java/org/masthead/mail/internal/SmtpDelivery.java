package org.masthead.mail.internal;

import jakarta.mail.Message;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.masthead.mail.Mail;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends each message through Spring's {@link JavaMailSender} as multipart/alternative: the plain-text
 * part first, the HTML part last (the one clients prefer). Mail that can be unsubscribed from carries
 * {@code List-Unsubscribe} with one-click unsubscribe (RFC 8058), which large mailbox providers require
 * of bulk senders.
 */
class SmtpDelivery implements MailDelivery {

    private final JavaMailSender sender;
    private final InternetAddress from;

    SmtpDelivery(JavaMailSender sender, String from) {
        this.sender = sender;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("masthead.mail.from is not an address: " + from, e);
        }
    }

    @Override
    public void deliver(ClaimedMail claimed) {
        Mail mail = claimed.mail();
        String utf8 = StandardCharsets.UTF_8.name();
        sender.send(message -> {
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), utf8);
            message.setSentDate(new Date());
            if (mail.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), utf8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), utf8, "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
        });
    }

    @Override
    public boolean leavesTheSite() {
        return true;
    }
}
