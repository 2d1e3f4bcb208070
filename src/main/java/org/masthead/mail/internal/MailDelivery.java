package org.masthead.mail.internal;

/**
 * The last step of sending one message: by SMTP when {@code spring.mail.host} is set, otherwise into
 * the log. The sender's retries and bookkeeping are the same for both.
 */
public interface MailDelivery {

    /**
     * @throws org.springframework.mail.MailException if this attempt failed; {@link
     *     org.springframework.mail.MailPreparationException} and {@link
     *     org.springframework.mail.MailParseException} mean no attempt ever will succeed
     */
    void deliver(ClaimedMail claimed);

    /** Whether messages reach their recipients' inboxes, rather than only this site's log and mailbox. */
    boolean leavesTheSite();
}
