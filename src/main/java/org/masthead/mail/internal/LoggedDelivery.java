package org.masthead.mail.internal;

import org.masthead.mail.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Sends" each message by writing it to the log, with its plain-text part so its links can be followed,
 * for running the site without a mail server. The admin mailbox shows the same messages.
 */
class LoggedDelivery implements MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(LoggedDelivery.class);

    @Override
    public void deliver(ClaimedMail claimed) {
        Mail mail = claimed.mail();
        log.info(
                """
                Mail {} to {} (not sent: spring.mail.host is not set; also in the admin mailbox at /admin/mailbox/{})
                Subject: {}

                {}""",
                claimed.id(),
                mail.to(),
                claimed.id(),
                mail.subject(),
                mail.text());
    }

    @Override
    public boolean leavesTheSite() {
        return false;
    }
}
