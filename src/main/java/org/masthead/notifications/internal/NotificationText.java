package org.masthead.notifications.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.masthead.accounts.AccountDeleted;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.PublicReader;
import org.springframework.stereotype.Component;

/** The sentence that says what a notification is about, the same on the page and in e-mail. */
@Component
class NotificationText {

    private final Accounts accounts;

    NotificationText(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The name to show for someone who acted: their display name now, or what a deleted account is called. */
    String nameOf(long accountId) {
        return namesOf(List.of(accountId)).get(accountId);
    }

    /** {@link #nameOf} for each of them, in one query: a page of notifications names ten people. */
    private Map<Long, String> namesOf(Collection<Long> accountIds) {
        Map<Long, PublicReader> readers = accounts.publicReaders(accountIds);
        Map<Long, String> names = new HashMap<>();
        for (long id : accountIds) {
            PublicReader reader = readers.get(id);
            names.put(id, reader == null ? AccountDeleted.SHOWN_AS : reader.displayName());
        }
        return names;
    }

    String sentence(Notification notification) {
        return sentences(List.of(notification)).getFirst();
    }

    /** Each notification's sentence, in order, naming everyone who acted in one query. */
    List<String> sentences(List<Notification> notifications) {
        Map<Long, String> names =
                namesOf(notifications.stream().map(Notification::actorId).collect(Collectors.toSet()));
        return notifications.stream()
                .map(notification -> {
                    Notification.Followed followed = notification.followed();
                    if (notification.kind() == NotificationKind.FOLLOWED_PUBLISHED && followed != null) {
                        return published(followed, notification.articleHeadline());
                    }
                    return sentence(
                            notification.kind(),
                            names.get(notification.actorId()),
                            notification.actorCount(),
                            notification.articleHeadline());
                })
                .toList();
    }

    /** An article on a topic, or by an author, that the reader follows. */
    static String published(Notification.Followed followed, String headline) {
        String on = "“" + headline + "”";
        return followed.author()
                ? "New from " + followed.name() + ", whom you follow: " + on
                : "New on " + followed.name() + ", a topic you follow: " + on;
    }

    static String sentence(NotificationKind kind, String actor, int actorCount, String headline) {
        String on = "“" + headline + "”";
        int others = actorCount - 1;
        boolean former = actor.equals(AccountDeleted.SHOWN_AS);
        // Where the name opens the sentence: a reader's own name as they wrote it, the former reader capitalised.
        String first = former ? capitalised(actor) : actor;
        String andOthers = others == 0
                ? first
                : first + " and " + others
                        + (kind == NotificationKind.CONVERSATION
                                        && actorCount >= NotificationRepository.COUNTED_COMMENTERS
                                ? "+"
                                : "")
                        + (others == 1 ? " other" : " others");
        return switch (kind) {
            case REPLY -> first + " replied to your comment on " + on;
            case MENTION -> first + " mentioned you in a comment on " + on;
            // A reader who deleted their account is followed by nobody any more.
            case FOLLOWED_POSTED ->
                others == 0
                        ? first + (former ? "" : ", whom you follow,") + " commented on " + on
                        : andOthers + " you follow commented on " + on;
            case RECOMMENDED -> andOthers + " recommended your comment on " + on;
            case APPROVED -> "A moderator approved your comment on " + on + ": everyone can see it now";
            case PICKED -> "Your comment on " + on + " was picked: it is a staff pick now";
            case APPEAL ->
                headline.isEmpty()
                        ? "A moderator decided your appeal against a sanction"
                        : "A moderator decided your appeal about your comment on " + on;
            case SANCTION -> "A moderator made a decision about you: see why, and how to appeal";
            case SANCTION_WITHDRAWN -> "A moderator withdrew a sanction on you";
            case FOLLOWED_PUBLISHED -> "New on a topic or by an author you follow: " + on;
            case CONVERSATION -> andOthers + " commented on " + on + ", a conversation you follow";
            case CONVERSATION_PICK ->
                "Staff picked a comment by " + actor + " on " + on + ", a conversation you follow";
            case STORY_SENT_BACK -> first + " sent your draft " + on + " back to you";
            case STORY_PUBLISHED -> first + " published your story " + on;
        };
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The subject line of a mail about one notification. */
    static String subject(NotificationKind kind, String actor) {
        String first = actor.equals(AccountDeleted.SHOWN_AS) ? capitalised(actor) : actor;
        return switch (kind) {
            case REPLY -> first + " replied to your comment";
            case MENTION -> first + " mentioned you in a comment";
            default -> throw new IllegalArgumentException(kind + " notifications are not mailed");
        };
    }
}
