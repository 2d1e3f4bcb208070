package org.masthead.notifications.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Accounts;
import org.masthead.discussion.Discussion;
import org.masthead.discussion.MutedReaders;
import org.masthead.notifications.internal.NotificationRepository.About;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the readers a new comment concerns most directly, most specific first and each reader once: the
 * author of the comment it replies to, readers it mentions, readers who follow its author. Nobody hears of
 * their own comment. Runs in a round of {@link ConversationNews}, before the conversation's followers are
 * told, so that those told here hear nothing more of it. Every notification is recorded against the comment
 * and actor that caused it ({@link NotificationRepository#recordSource}): a comment told twice tells nobody
 * twice, and mails nobody twice. A reader who muted its author is not told of a reply to them, a mention of
 * them or, followed before the mute, its author's comment, here or as a follower of the conversation: muting
 * is how a reader keeps someone who pesters them out of their sight.
 */
@Component
class DirectNews {

    private final NotificationRepository notifications;
    private final EmailPreferences preferences;
    private final NotificationMail mail;
    private final NotificationText text;
    private final Discussion discussion;
    private final Accounts accounts;
    private final ObjectProvider<MutedReaders> muted;

    DirectNews(
            NotificationRepository notifications,
            EmailPreferences preferences,
            NotificationMail mail,
            NotificationText text,
            Discussion discussion,
            Accounts accounts,
            ObjectProvider<MutedReaders> muted) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.mail = mail;
        this.text = text;
        this.discussion = discussion;
        this.accounts = accounts;
        this.muted = muted;
    }

    /** What telling one comment came to. */
    record Told(Set<Long> readers, Set<Long> withNewNotifications) {}

    /**
     * @param repliedTo the author of the comment it replies to, if it is a reply
     * @return the readers who need hear nothing more of it (its author among them), and those with a new
     *     or changed notification
     */
    Told tell(About about, long author, @Nullable Long repliedTo, Set<Long> mentioned, Instant now) {
        Set<Long> told = new LinkedHashSet<>();
        Set<Long> changed = new LinkedHashSet<>();
        told.add(author);
        // Those who muted the author count as told, so that the conversation's gathered notification leaves
        // them out too.
        MutedReaders mutes = muted.getIfAvailable(() -> MutedReaders.NONE);
        Set<Long> addressed = new LinkedHashSet<>(mentioned);
        if (repliedTo != null) {
            addressed.add(repliedTo);
        }
        List<Long> followers = discussion.followersOf(author);
        addressed.addAll(followers);
        told.addAll(mutes.whoMuted(author, addressed));
        if (repliedTo != null && told.add(repliedTo)) {
            if (notifyAndMail(repliedTo, NotificationKind.REPLY, about, author, now)) {
                changed.add(repliedTo);
            }
        }
        for (long reader : mentioned) {
            if (told.add(reader) && notifyAndMail(reader, NotificationKind.MENTION, about, author, now)) {
                changed.add(reader);
            }
        }
        for (long follower : followers) {
            if (told.add(follower)
                    && notifications.recordSource(
                            follower, NotificationKind.FOLLOWED_POSTED, about.commentId(), author)) {
                notifications.addToBatch(follower, NotificationKind.FOLLOWED_POSTED, about, author, now);
                changed.add(follower);
            }
        }
        return new Told(told, changed);
    }

    /**
     * Records a reply or mention and mails it as the recipient chose (to a confirmed address only).
     *
     * @return false if this comment already told them
     */
    private boolean notifyAndMail(long recipient, NotificationKind kind, About about, long actor, Instant now) {
        if (!notifications.recordSource(recipient, kind, about.commentId(), actor)) {
            return false;
        }
        Optional<String> address = accounts.emailAddressOf(recipient);
        EmailChoice choice = address.isPresent() ? preferences.choiceOf(recipient) : EmailChoice.OFF;
        MailState state =
                switch (choice) {
                    case INSTANT -> MailState.SENT;
                    case DIGEST -> MailState.DIGEST;
                    case OFF -> MailState.NONE;
                };
        notifications.insert(recipient, kind, about, actor, state, now);
        if (state == MailState.SENT) {
            String actorName = text.nameOf(actor);
            mail.sendOne(
                    recipient,
                    address.orElseThrow(),
                    kind,
                    actorName,
                    NotificationText.sentence(kind, actorName, 1, about.articleHeadline()),
                    about.excerpt(),
                    about.commentId());
        }
        return true;
    }
}
