package org.masthead.mail;

import org.masthead.mail.internal.OutboxRepository;
import org.masthead.mail.internal.OutboxSender;
import org.masthead.platform.ClusterMessages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends mail: by putting it in the outbox, in the transaction of the change that caused it. */
@Service
public class Mailer {

    private final OutboxRepository outbox;
    private final ClusterMessages cluster;

    Mailer(OutboxRepository outbox, ClusterMessages cluster) {
        this.outbox = outbox;
        this.cluster = cluster;
    }

    /**
     * Puts the mail in the outbox within the caller's transaction (or a transaction of its own), so it is
     * sent if and only if that transaction commits. On commit every node's sender is woken to send it at
     * once; the sender's regular poll picks it up if that message is lost.
     *
     * @return the message's id in the {@link Mailbox}
     */
    @Transactional
    public long send(Mail mail) {
        long id = outbox.add(mail);
        cluster.send(OutboxSender.WAKE_UP_CHANNEL, "");
        return id;
    }
}
