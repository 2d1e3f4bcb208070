package org.masthead.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.masthead.accounts.Accounts;
import org.masthead.notifications.NotificationsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * News from what a reader follows is mailed gathered, never one mail per article or comment: the first
 * notification that waits for a reader's mail makes it due {@code masthead.notifications.batch-window}
 * later, and that one mail lists everything that waited and is still unread. The same claim as the
 * daily digests ({@link DailyDigests}): every node runs the job every minute, and each reader's due
 * mail is claimed in the database and sent, recorded and cleared in one transaction, so it goes out
 * once however many nodes or runs overlap.
 */
@Component
class MailBatches {

    private static final Logger log = LoggerFactory.getLogger(MailBatches.class);

    private final JdbcClient db;
    private final NotificationRepository notifications;
    private final EmailPreferences preferences;
    private final NotificationMail mail;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final NotificationsProperties properties;
    private final Clock clock;

    MailBatches(
            JdbcClient db,
            NotificationRepository notifications,
            EmailPreferences preferences,
            NotificationMail mail,
            Accounts accounts,
            TransactionTemplate transactions,
            NotificationsProperties properties,
            Clock clock) {
        this.db = db;
        this.notifications = notifications;
        this.preferences = preferences;
        this.mail = mail;
        this.accounts = accounts;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What becomes of the mail about a new notification of what the reader follows, as they chose: the
     * next batch mail (made due now if none is), the daily digest, or none (also without a confirmed
     * address). Call it before writing the notification. The reader's batch row is share-locked here
     * until the caller commits: the sender, which locks it for update and skips rows it cannot lock,
     * then cannot send the batch without this notification, nor mark it sent unmailed; a batch already
     * being sent is waited for, and the notification starts the next one. Listeners telling the same
     * reader at once share the lock and do not wait for each other (on a busy conversation, every new
     * comment tells the same followers).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    MailState waitFor(long readerId, Instant now) {
        return waitForAll(List.of(readerId), now).get(readerId);
    }

    /**
     * As {@link #waitFor(long, Instant)} for many readers at once, in a few statements whatever their
     * number: every reader of a busy conversation is told of each of its comments.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<Long, MailState> waitForAll(Collection<Long> readerIds, Instant now) {
        Map<Long, MailState> states = new TreeMap<>();
        Set<Long> reachable = accounts.reachableByEmail(readerIds);
        List<Long> instant = new ArrayList<>();
        preferences.choicesOf(readerIds).forEach((reader, choice) -> {
            MailState state =
                    switch (choice) {
                        case INSTANT -> MailState.BATCH;
                        case DIGEST -> MailState.DIGEST;
                        case OFF -> MailState.NONE;
                    };
            if (!reachable.contains(reader)) {
                state = MailState.NONE;
            }
            if (state == MailState.BATCH) {
                instant.add(reader);
            }
            states.put(reader, state);
        });
        // A row may be deleted by a sender between the insert and the lock: then those start again.
        Collection<Long> unlocked = instant.stream().sorted().toList();
        while (!unlocked.isEmpty()) {
            Long[] ids = unlocked.toArray(Long[]::new);
            db.sql(
                            """
                            INSERT INTO notification_batch (account_id, due_at)
                            SELECT id, :due FROM unnest(CAST(:ids AS bigint[])) AS id ORDER BY id
                            ON CONFLICT (account_id) DO NOTHING""")
                    .param("ids", ids)
                    .param("due", Timestamp.from(now.plus(properties.batchWindow())))
                    .update();
            Set<Long> locked = Set.copyOf(db.sql(
                            """
                            SELECT account_id FROM notification_batch WHERE account_id = ANY (CAST(:ids AS bigint[]))
                            ORDER BY account_id FOR SHARE""")
                    .param("ids", ids)
                    .query(Long.class)
                    .list());
            unlocked = unlocked.stream().filter(id -> !locked.contains(id)).toList();
        }
        return states;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT40S")
    void sendDueBatches() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Could not send the notification mails that are due; trying again in a minute", e);
        }
    }

    /**
     * Sends every batch mail due now, one reader per transaction, pausing after each as long as it took;
     * returns how many readers it handled. Readers who joined one conversation together have their batches
     * fall due in the same minute, and 200 mails written without a pause took a CPU from the pages for a
     * second: comments posted meanwhile waited up to 0.9 s for an answer.
     */
    int sendDue() {
        int handled = 0;
        while (true) {
            long started = System.nanoTime();
            if (!Boolean.TRUE.equals(transactions.execute(status -> sendNextDue()))) {
                return handled;
            }
            handled++;
            try {
                TimeUnit.NANOSECONDS.sleep(System.nanoTime() - started);
            } catch (InterruptedException e) {
                // Shutting down: the rest are sent by the next run, here or on another node.
                Thread.currentThread().interrupt();
                return handled;
            }
        }
    }

    private boolean sendNextDue() {
        Optional<Long> claimed = db.sql(
                        """
                        SELECT account_id FROM notification_batch
                        WHERE due_at <= :now ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional();
        if (claimed.isEmpty()) {
            return false;
        }
        long reader = claimed.get();
        List<Notification> waiting = notifications.waitingForBatch(reader);
        List<NotificationMail.Item> unread =
                waiting.stream().filter(Notification::unread).map(mail::itemOf).toList();
        Optional<String> address = accounts.emailAddressOf(reader);
        if (!unread.isEmpty() && address.isPresent()) {
            mail.sendBatch(reader, address.get(), unread);
        }
        notifications.markBatched(reader, waiting.stream().map(Notification::id).toList());
        db.sql("DELETE FROM notification_batch WHERE account_id = :account")
                .param("account", reader)
                .update();
        return true;
    }
}
