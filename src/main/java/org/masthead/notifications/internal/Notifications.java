package org.masthead.notifications.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.masthead.accounts.AccountDeleted;
import org.masthead.notifications.internal.NotificationRepository.Cursor;
import org.masthead.platform.NotFoundException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A reader's notifications: listing them, opening them, and marking them read. */
@Service
public class Notifications {

    /** How many notifications a page of the list shows. */
    public static final int PAGE_SIZE = 20;

    /**
     * One notification as the list shows it.
     *
     * @param inFollowedConversation about a conversation the reader still follows: the list offers to stop
     */
    public record Entry(
            long id,
            String sentence,
            String excerpt,
            java.time.Instant at,
            boolean unread,
            boolean inFollowedConversation) {}

    /**
     * A page of the list.
     *
     * @param next where the next (older) page starts, if there is one
     */
    public record Page(List<Entry> entries, Optional<String> next) {}

    private final NotificationRepository notifications;
    private final NotificationText text;
    private final UnreadCounts unread;
    private final EmailPreferences preferences;
    private final ConversationFollows conversations;
    private final ConversationNews news;
    private final Clock clock;

    Notifications(
            NotificationRepository notifications,
            NotificationText text,
            UnreadCounts unread,
            EmailPreferences preferences,
            ConversationFollows conversations,
            ConversationNews news,
            Clock clock) {
        this.conversations = conversations;
        this.news = news;
        this.notifications = notifications;
        this.text = text;
        this.unread = unread;
        this.preferences = preferences;
        this.clock = clock;
    }

    /**
     * @param after where the page starts, as a previous page's {@link Page#next} gave it; the newest
     *     when empty
     * @throws NotFoundException if {@code after} is not such a value
     */
    @Transactional(readOnly = true)
    public Page page(long accountId, Optional<String> after) {
        Optional<Cursor> cursor = after.map(Notifications::cursor);
        List<Notification> rows = notifications.page(accountId, cursor, PAGE_SIZE + 1);
        List<Notification> shown = rows.subList(0, Math.min(rows.size(), PAGE_SIZE));
        Optional<String> next = rows.size() > PAGE_SIZE ? Optional.of(format(shown.getLast())) : Optional.empty();
        Set<Long> followed = conversations.following(
                accountId,
                shown.stream()
                        .filter(n -> n.kind().isFromAFollowedConversation())
                        .map(Notification::articleId)
                        .toList());
        List<String> sentences = text.sentences(shown);
        List<Entry> entries = new ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            Notification n = shown.get(i);
            entries.add(new Entry(
                    n.id(),
                    sentences.get(i),
                    n.excerpt(),
                    n.updatedAt(),
                    n.unread(),
                    n.kind().isFromAFollowedConversation() && followed.contains(n.articleId())));
        }
        return new Page(entries, next);
    }

    @Transactional(readOnly = true)
    public int unreadCount(long accountId) {
        return notifications.unreadCount(accountId);
    }

    /**
     * Marks the notification read and says where it leads: the comment it is about, the article for
     * one published on what the reader follows, or for a sanction, the decision on an appeal or a sanction
     * withdrawn, the reader's page of moderators' decisions.
     *
     * @throws NotFoundException if the reader has no such notification
     */
    @Transactional
    public String open(long accountId, long notificationId) {
        Notification notification = notifications
                .find(accountId, notificationId)
                .orElseThrow(() -> new NotFoundException("You have no such notification."));
        if (notifications.markRead(accountId, notificationId, clock.instant())) {
            unread.changed(Set.of(accountId));
        }
        if (notification.kind() == NotificationKind.APPEAL
                || notification.kind() == NotificationKind.SANCTION
                || notification.kind() == NotificationKind.SANCTION_WITHDRAWN) {
            return "/appeals";
        }
        String link = notification.link();
        return link != null ? link : "/comment/" + notification.commentId();
    }

    /**
     * Stops the reader following the conversation a notification is about, from the notification.
     *
     * @return the article's headline, to say what they no longer follow, and where to follow it again
     * @throws NotFoundException if the reader has no such notification about a conversation
     */
    @Transactional
    public Unfollowed stopFollowing(long accountId, long notificationId) {
        Notification notification = notifications
                .find(accountId, notificationId)
                .filter(n -> n.kind().isFromAFollowedConversation())
                .orElseThrow(() -> new NotFoundException("You have no such notification about a conversation."));
        conversations.unfollow(accountId, notification.articleId());
        String link = notification.link();
        return new Unfollowed(
                notification.articleHeadline(), link != null ? link : "/comment/" + notification.commentId());
    }

    /**
     * A conversation no longer followed.
     *
     * @param headline its article's headline
     * @param path where the notification led, in the conversation under the article, where it can be followed again
     */
    public record Unfollowed(String headline, String path) {}

    @Transactional
    public void markAllRead(long accountId) {
        if (notifications.markAllRead(accountId, clock.instant()) > 0) {
            unread.changed(Set.of(accountId));
        }
    }

    /**
     * A deleted account's notifications, choices and followed conversations go with it, and its comments
     * waiting for their conversations' followers are news to nobody.
     */
    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        notifications.deleteAllOf(deleted.accountId());
        preferences.forget(deleted.accountId());
        conversations.forget(deleted.accountId());
        news.forgetAuthor(deleted.accountId());
    }

    private static String format(Notification last) {
        java.time.Instant at = last.updatedAt();
        return at.getEpochSecond() + "." + at.getNano() + "." + last.id();
    }

    private static Cursor cursor(String value) {
        String[] parts = value.split("\\.");
        try {
            if (parts.length == 3) {
                return new Cursor(
                        java.time.Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        Long.parseLong(parts[2]));
            }
        } catch (RuntimeException e) {
            // Falls through to the same answer as any other value that is not ours.
        }
        throw new NotFoundException("There is no such page of notifications.");
    }
}
