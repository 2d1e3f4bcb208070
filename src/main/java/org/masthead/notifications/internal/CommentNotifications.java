package org.masthead.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.masthead.accounts.Accounts;
import org.masthead.discussion.CommentPicked;
import org.masthead.discussion.CommentPosted;
import org.masthead.discussion.CommentRecommended;
import org.masthead.discussion.DiscussedComment;
import org.masthead.discussion.Discussion;
import org.masthead.moderation.AppealDecided;
import org.masthead.moderation.CommentApproved;
import org.masthead.newsroom.CommentSettings;
import org.masthead.newsroom.PublishedContent;
import org.masthead.notifications.internal.NotificationRepository.About;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the discussion's events into notifications, e-mail and unread counts, each in one transaction
 * of its own after the comment was committed. The event publication registry hands an event over again
 * after a crash (and two nodes may both handle it); every notification is recorded against the comment
 * and actor that caused it ({@link NotificationRepository#recordSource}), so a second handling changes
 * nothing and mails nobody.
 *
 * <p>Who hears of a comment, most specific first, each reader once: the author of the comment it
 * replies to; readers it mentions; readers who follow its author (gathered per article); readers who
 * follow the conversation (gathered per article, told in rounds by {@link ConversationNews}, and mailed
 * gathered, see {@link MailBatches}). Nobody hears of their own comment. Then its author follows the
 * conversation, unless they chose not to. (The pages open on its article heard of it when it was
 * committed: see {@link LiveComments}.) Only published comments come here: a held comment is posted
 * (and its followers told) when a moderator approves it. A staff pick is news for its author and for
 * the conversation's followers.
 */
@Component
class CommentNotifications {

    private final NotificationRepository notifications;
    private final EmailPreferences preferences;
    private final NotificationMail mail;
    private final NotificationText text;
    private final UnreadCounts unread;
    private final Discussion discussion;
    private final Accounts accounts;
    private final PublishedContent content;
    private final ConversationFollows conversations;
    private final ConversationNews news;
    private final MailBatches batches;
    private final Clock clock;

    CommentNotifications(
            NotificationRepository notifications,
            EmailPreferences preferences,
            NotificationMail mail,
            NotificationText text,
            UnreadCounts unread,
            Discussion discussion,
            Accounts accounts,
            PublishedContent content,
            ConversationFollows conversations,
            ConversationNews news,
            MailBatches batches,
            Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.mail = mail;
        this.text = text;
        this.unread = unread;
        this.discussion = discussion;
        this.accounts = accounts;
        this.content = content;
        this.conversations = conversations;
        this.news = news;
        this.batches = batches;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CommentPosted comment) {
        Instant now = clock.instant();
        About about = new About(comment.commentId(), comment.articleId(), comment.articleHeadline(), comment.excerpt());
        long author = comment.authorId();
        Set<Long> told = new LinkedHashSet<>();
        Set<Long> changed = new LinkedHashSet<>();
        told.add(author);

        Long repliedTo = comment.inReplyToAuthorId();
        if (repliedTo != null && told.add(repliedTo)) {
            if (notifyAndMail(repliedTo, NotificationKind.REPLY, about, author, now)) {
                changed.add(repliedTo);
            }
        }
        for (long mentioned : comment.mentionedIds()) {
            if (told.add(mentioned) && notifyAndMail(mentioned, NotificationKind.MENTION, about, author, now)) {
                changed.add(mentioned);
            }
        }
        for (long follower : discussion.followersOf(author)) {
            if (told.add(follower)
                    && notifications.recordSource(
                            follower, NotificationKind.FOLLOWED_POSTED, comment.commentId(), author)) {
                notifications.addToBatch(follower, NotificationKind.FOLLOWED_POSTED, about, author, now);
                changed.add(follower);
            }
        }
        // The conversation's followers hear of it in the next round, with the comments posted beside it.
        news.record(comment, told, now);
        conversations.commented(author, comment.articleId(), now);
        unread.changed(changed);
    }

    @ApplicationModuleListener
    void on(CommentRecommended recommendation) {
        long recipient = recommendation.commentAuthorId();
        long recommender = recommendation.recommenderId();
        if (recipient == recommender
                || !notifications.recordSource(
                        recipient, NotificationKind.RECOMMENDED, recommendation.commentId(), recommender)) {
            return;
        }
        About about =
                new About(recommendation.commentId(), recommendation.articleId(), recommendation.articleHeadline(), "");
        notifications.addToBatch(recipient, NotificationKind.RECOMMENDED, about, recommender, clock.instant());
        unread.changed(Set.of(recipient));
    }

    /** The author of a held comment hears that a moderator approved it, once however often this is handled. */
    @ApplicationModuleListener
    void on(CommentApproved approved) {
        long author = approved.authorId();
        if (!notifications.recordSource(author, NotificationKind.APPROVED, approved.commentId(), author)) {
            return;
        }
        About about =
                new About(approved.commentId(), approved.articleId(), approved.articleHeadline(), approved.excerpt());
        notifications.insert(author, NotificationKind.APPROVED, about, author, MailState.NONE, approved.approvedAt());
        unread.changed(Set.of(author));
    }

    /**
     * The author of a comment picked by the staff hears so, once per comment however often this is
     * handled, and even if it is un-picked and picked again; so do the readers who follow the
     * conversation, with their mail gathered like the conversation's comments.
     */
    @ApplicationModuleListener
    void on(CommentPicked picked) {
        long author = picked.authorId();
        String excerpt = discussion.comments(List.of(picked.commentId())).stream()
                .findFirst()
                .map(DiscussedComment::excerpt)
                .orElse("");
        String headline = content.commentSettings(picked.articleId())
                .map(CommentSettings::headline)
                .orElse("");
        About about = new About(picked.commentId(), picked.articleId(), headline, excerpt);
        Set<Long> changed = new LinkedHashSet<>();
        if (notifications.recordSource(author, NotificationKind.PICKED, picked.commentId(), author)) {
            notifications.insert(author, NotificationKind.PICKED, about, author, MailState.NONE, picked.pickedAt());
            changed.add(author);
        }
        Instant now = clock.instant();
        List<Long> followers = conversations.followersOf(picked.articleId()).stream()
                .map(ConversationFollows.Follower::readerId)
                .filter(follower -> follower != author)
                .toList();
        List<Long> toTell =
                notifications.recordSources(followers, NotificationKind.CONVERSATION_PICK, picked.commentId(), author);
        batches.waitForAll(toTell, now)
                .forEach((follower, mail) -> notifications.insert(
                        follower, NotificationKind.CONVERSATION_PICK, about, author, mail, picked.pickedAt()));
        changed.addAll(toTell);
        unread.changed(changed);
    }

    /**
     * The reader hears how their appeal was decided, once however often this is handled (the appeal is
     * the source; the mail with the reasons went out with the decision).
     */
    @ApplicationModuleListener
    void on(AppealDecided decided) {
        long reader = decided.readerId();
        if (!notifications.recordSource(reader, NotificationKind.APPEAL, decided.appealId(), reader)) {
            return;
        }
        About about = new About(
                decided.commentId() == null ? 0 : decided.commentId(),
                decided.articleId(),
                decided.articleHeadline(),
                decided.outcome());
        notifications.insert(reader, NotificationKind.APPEAL, about, reader, MailState.NONE, decided.decidedAt());
        unread.changed(Set.of(reader));
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
