package org.masthead.mail;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.mail.internal.MailDelivery;
import org.masthead.mail.internal.OutboxRepository;
import org.springframework.stereotype.Service;

/** Reads the outbox: what was sent to whom, and what is still waiting or has failed. */
@Service
public class Mailbox {

    private final OutboxRepository outbox;
    private final MailDelivery delivery;

    Mailbox(OutboxRepository outbox, MailDelivery delivery) {
        this.outbox = outbox;
        this.delivery = delivery;
    }

    /**
     * The newest messages first, a page at a time.
     *
     * @param to only messages to this address (in any case), or all when null
     * @param before only messages older than the one with this id (the last of the previous page), or
     *     the newest when null
     * @param limit at most this many, from 1 to 200
     */
    public List<MailboxMessage> latest(@Nullable String to, @Nullable Long before, int limit) {
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("A mailbox page holds 1 to 200 messages, not " + limit);
        }
        long beforeId = before == null ? Long.MAX_VALUE : before;
        return to == null ? outbox.latest(beforeId, limit) : outbox.latestTo(to, beforeId, limit);
    }

    /** The newest message to this address, such as the verification mail a test is waiting for. */
    public Optional<MailboxMessage> lastTo(String address) {
        return outbox.latestTo(address, Long.MAX_VALUE, 1).stream().findFirst();
    }

    public Optional<MailboxMessage> message(long id) {
        return outbox.message(id);
    }

    /**
     * Whether mail stays on this site instead of leaving by SMTP (no {@code spring.mail.host}): then the
     * mailbox is where it is read, and shows each message's content. When mail does leave, the mailbox
     * shows only who was sent what and when, because content such as sign-in links is for its recipient.
     */
    public boolean keepsMailLocally() {
        return !delivery.leavesTheSite();
    }
}
