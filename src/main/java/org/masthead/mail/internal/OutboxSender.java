package org.masthead.mail.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.masthead.mail.MailProperties;
import org.masthead.platform.ClusterMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox. It runs on every node, every {@code masthead.mail.poll-interval} and whenever a
 * {@link org.masthead.mail.Mailer} on any node wakes it; the database decides who sends what (see
 * {@link OutboxRepository#claimNext}), so each message is sent once however many nodes run.
 *
 * <p>No transaction is held open while talking to the mail server: a claim commits at once, leasing
 * the message for {@link #LEASE}; the result is recorded after. Should a node die mid-send, another
 * sends the message again when the lease runs out: a message may arrive twice, but is never lost.
 */
@Component
public class OutboxSender implements SchedulingConfigurer, SmartLifecycle {

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
    private final AtomicInteger wakeUps = new AtomicInteger();
    private volatile boolean running;

    OutboxSender(OutboxRepository outbox, MailDelivery delivery, MailProperties properties, ClusterMessages cluster) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.properties = properties;
        cluster.subscribe(WAKE_UP_CHANNEL, payload -> wakeUp());
    }

    /**
     * Sends every message that is due, one claim at a time, until none is left; returns how many it
     * attempted. Safe to run on any number of threads and nodes at once. Must not run inside a
     * transaction, or its claims would not be seen by other senders until that transaction ends.
     */
    public int sendDue() {
        int attempted = 0;
        while (running) {
            Optional<ClaimedMail> claimed = outbox.claimNext(LEASE);
            if (claimed.isEmpty()) {
                break;
            }
            attempt(claimed.get());
            attempted++;
        }
        return attempted;
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

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sendDueAndLogTrouble, properties.pollInterval());
    }

    /**
     * Sends on a thread of its own, so as not to hold up the thread that delivers cluster messages.
     * Wake-ups that arrive while it runs make it look once more, rather than start more threads.
     */
    private void wakeUp() {
        if (running && wakeUps.getAndIncrement() == 0) {
            Thread.ofPlatform().daemon().name("mail-sender").start(() -> {
                int seen;
                do {
                    seen = wakeUps.get();
                    sendDueAndLogTrouble();
                } while (!wakeUps.compareAndSet(seen, 0));
            });
        }
    }

    private void sendDueAndLogTrouble() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            if (running) {
                log.warn("Could not work through the mail outbox; trying again later", e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
