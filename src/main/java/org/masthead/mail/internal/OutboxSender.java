package org.masthead.mail.internal;

import java.time.Duration;
import java.util.Optional;
import org.masthead.mail.MailProperties;
import org.masthead.platform.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox. It runs on every node as a {@linkplain Workers worker}, every {@code
 * masthead.mail.poll-interval} and whenever a {@link org.masthead.mail.Mailer} on any node wakes it; the database decides who sends what (see
 * {@link OutboxRepository#claimNext}), so each message is sent once however many nodes run.
 *
 * <p>No transaction is held open while talking to the mail server: a claim commits at once, leasing
 * the message for {@link #LEASE}; the result is recorded after. Should a node die mid-send, another
 * sends the message again when the lease runs out: a message may arrive twice, but is never lost.
 */
@Component
public class OutboxSender {

    /** The cluster channel on which a new message wakes every node's sender. */
    public static final String WAKE_UP_CHANNEL = "mail_outbox";

    /**
     * How long a claimed message is left to its sender. Far longer than an SMTP exchange should take, so
     * set the mail server timeouts ({@code spring.mail.properties.mail.smtp.*timeout}) well below it.
     */
    static final Duration LEASE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final OutboxRepository outbox;
    private final MailDelivery delivery;
    private final MailProperties properties;

    OutboxSender(OutboxRepository outbox, MailDelivery delivery, MailProperties properties, Workers workers) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.properties = properties;
        workers.run("mail-sender", properties.pollInterval(), WAKE_UP_CHANNEL, this::sendNext);
    }

    /**
     * Sends every message that is due, one claim at a time, until none is left; returns how many it
     * attempted. Safe to run on any number of threads and nodes at once. Must not run inside a
     * transaction, or its claims would not be seen by other senders until that transaction ends.
     */
    public int sendDue() {
        int attempted = 0;
        while (sendNext()) {
            attempted++;
        }
        return attempted;
    }

    /** Sends the next message that is due, if there is one; returns whether there was. */
    private boolean sendNext() {
        Optional<ClaimedMail> claimed = outbox.claimNext(LEASE);
        claimed.ifPresent(this::attempt);
        return claimed.isPresent();
    }

    private void attempt(ClaimedMail claimed) {
        try {
            delivery.deliver(claimed);
        } catch (RuntimeException e) {
            recordFailure(claimed, e);
            return;
        }
        outbox.markSent(claimed.id());
    }

    private void recordFailure(ClaimedMail claimed, RuntimeException e) {
        String error = describe(e);
        boolean hopeless = e instanceof MailParseException || e instanceof MailPreparationException;
        if (hopeless || claimed.attempt() >= properties.maxAttempts()) {
            outbox.markFailed(claimed, error);
            log.warn(
                    "Gave up on mail {} to {} after {} attempt(s): {}",
                    claimed.id(),
                    claimed.mail().to(),
                    claimed.attempt(),
                    error);
        } else {
            Duration delay = delayAfter(claimed.attempt(), properties);
            outbox.markForRetry(claimed, delay, error);
            log.info(
                    "Could not send mail {} (attempt {} of {}); trying again in {}: {}",
                    claimed.id(),
                    claimed.attempt(),
                    properties.maxAttempts(),
                    delay,
                    error);
        }
    }

    /** The wait after a failed attempt: the retry delay, doubled for each earlier failure, up to the cap. */
    static Duration delayAfter(int attempt, MailProperties properties) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration delay = properties.retryDelay().multipliedBy(1L << doublings);
        return delay.compareTo(properties.maxRetryDelay()) > 0 ? properties.maxRetryDelay() : delay;
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }
}
