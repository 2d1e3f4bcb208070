package org.masthead.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.masthead.accounts.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the daily digests that are due. Every node runs it every minute; each reader's digest is
 * claimed in the database (see {@link EmailPreferences#claimDueDigest}) and sent, recorded and
 * rescheduled in that one transaction, so it goes out once however many nodes or runs overlap.
 * The digest lists the replies and mentions, and the news from what the reader follows, that waited
 * for it and are still unread; those read on the site meanwhile are not mailed again.
 */
@Component
class DailyDigests {

    private static final Logger log = LoggerFactory.getLogger(DailyDigests.class);

    private final EmailPreferences preferences;
    private final NotificationRepository notifications;
    private final NotificationMail mail;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DailyDigests(
            EmailPreferences preferences,
            NotificationRepository notifications,
            NotificationMail mail,
            Accounts accounts,
            TransactionTemplate transactions,
            Clock clock) {
        this.preferences = preferences;
        this.notifications = notifications;
        this.mail = mail;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
    void sendDueDigests() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Could not send the daily digests that are due; trying again in a minute", e);
        }
    }

    /** Sends every digest due now, one reader per transaction; returns how many readers it handled. */
    int sendDue() {
        int handled = 0;
        while (Boolean.TRUE.equals(transactions.execute(status -> sendNextDue()))) {
            handled++;
        }
        return handled;
    }

    private boolean sendNextDue() {
        Instant now = clock.instant();
        Optional<Long> claimed = preferences.claimDueDigest(now);
        if (claimed.isEmpty()) {
            return false;
        }
        long reader = claimed.get();
        List<Notification> waiting = notifications.waitingForDigest(reader);
        List<NotificationMail.Item> unread =
                waiting.stream().filter(Notification::unread).map(mail::itemOf).toList();
        Optional<String> address = accounts.emailAddressOf(reader);
        if (!unread.isEmpty() && address.isPresent()) {
            boolean repliesAndMentionsOnly = waiting.stream()
                    .filter(Notification::unread)
                    .allMatch(n -> n.kind() == NotificationKind.REPLY || n.kind() == NotificationKind.MENTION);
            mail.sendDigest(reader, address.get(), unread, repliesAndMentionsOnly);
        }
        if (!waiting.isEmpty()) {
            notifications.markDigested(reader, waiting.getLast().id());
        }
        preferences.digestDone(reader, now);
        return true;
    }
}
