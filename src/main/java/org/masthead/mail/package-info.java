/**
 * Mail. A module hands a {@link org.masthead.mail.Mail} to the {@link org.masthead.mail.Mailer} inside
 * the transaction that caused it; the message waits in an outbox and is sent after commit, with retries,
 * by whichever app node claims it first. {@link org.masthead.mail.MailTemplates} renders the plain-text
 * and HTML parts from Thymeleaf templates; {@link org.masthead.mail.Mailbox} reads back what was sent.
 *
 * <p>With {@code spring.mail.host} set, mail leaves by SMTP. Without it (the embedded default), each
 * message is written to the log and read in the admin mailbox at {@code /admin/mailbox}.
 */
@NullMarked
package org.masthead.mail;

import org.jspecify.annotations.NullMarked;
