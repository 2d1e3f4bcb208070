package org.masthead.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.masthead.discussion.CommentPicked;
import org.masthead.discussion.CommentRecommended;
import org.masthead.discussion.DiscussedComment;
import org.masthead.discussion.Discussion;
import org.masthead.moderation.AppealDecided;
import org.masthead.moderation.CommentApproved;
import org.masthead.moderation.SanctionImposed;
import org.masthead.moderation.SanctionWithdrawn;
import org.masthead.newsroom.CommentSettings;
import org.masthead.newsroom.PublishedContent;
import org.masthead.notifications.internal.NotificationRepository.About;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the discussion's and the moderators' events about comments into notifications and unread counts,
 * each in one transaction of its own after the event's was committed. The event publication registry hands
 * an event over again after a crash (and two nodes may both handle it); every notification is recorded
 * against the comment and actor that caused it ({@link NotificationRepository#recordSource}), so a second
 * handling changes nothing and mails nobody.
 *
 * <p>A new comment comes not here but to {@link ConversationNews}, which records it in the transaction that
 * posts it and tells whom it concerns in rounds; the pages open on its article heard of it when it was
 * committed (see {@link LiveComments}). A staff pick is news for its author and for the conversation's
 * followers.
 */
@Component
class CommentNotifications {

    private final NotificationRepository notifications;
    private final UnreadCounts unread;
    private final Discussion discussion;
    private final PublishedContent content;
    private final ConversationFollows conversations;
    private final MailBatches batches;
    private final Clock clock;

    CommentNotifications(
            NotificationRepository notifications,
            UnreadCounts unread,
            Discussion discussion,
            PublishedContent content,
            ConversationFollows conversations,
            MailBatches batches,
            Clock clock) {
        this.notifications = notifications;
        this.unread = unread;
        this.discussion = discussion;
        this.content = content;
        this.conversations = conversations;
        this.batches = batches;
        this.clock = clock;
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
     * The reader hears of a sanction imposed on them, what and until when, once however often this is
     * handled (the sanction is the source; the mail with the reasons went out with it): also a reader who
     * turned mail off, or whose mail went astray.
     */
    @ApplicationModuleListener
    void on(SanctionImposed imposed) {
        long reader = imposed.readerId();
        if (!notifications.recordSource(reader, NotificationKind.SANCTION, imposed.sanctionId(), reader)) {
            return;
        }
        About about = new About(0, 0, "", imposed.decision());
        notifications.insert(reader, NotificationKind.SANCTION, about, reader, MailState.NONE, imposed.imposedAt());
        unread.changed(Set.of(reader));
    }

    /**
     * The reader hears that a sanction on them was withdrawn, once however often this is handled (the
     * sanction is the source; the mail with the reason went out with the withdrawal).
     */
    @ApplicationModuleListener
    void on(SanctionWithdrawn withdrawn) {
        long reader = withdrawn.readerId();
        if (!notifications.recordSource(reader, NotificationKind.SANCTION_WITHDRAWN, withdrawn.sanctionId(), reader)) {
            return;
        }
        About about = new About(0, 0, "", withdrawn.outcome());
        notifications.insert(
                reader, NotificationKind.SANCTION_WITHDRAWN, about, reader, MailState.NONE, withdrawn.withdrawnAt());
        unread.changed(Set.of(reader));
    }
}
