package org.masthead.discussion.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.AccountDeleted;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.PublicReader;
import org.masthead.discussion.internal.CommentRepository.CommentRow;
import org.masthead.newsroom.CommentSettings;
import org.masthead.newsroom.PublishedContent;
import org.masthead.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A reader's own standing in one conversation: what the cached page cannot know. */
@Service
public class Participation {

    /**
     * @param reason why the reader may not post: {@code signed-out}, {@code unverified}, {@code
     *     closed} or {@code sanctioned}; null when they may
     * @param message that reason in words; or, when they may post, a warning moderation has for them
     * @param mine the reader's own published comments under the article
     * @param mayTakePart whether the reader may recommend and report others' comments: signed in, with
     *     a confirmed address, and not kept from posting by a sanction
     * @param editableUntil those the reader may still change, each with until when; none while a sanction
     *     keeps them from posting, since the change would be refused
     * @param following the readers they follow among those who commented here
     * @param moderated the reader's own comments here that wait for a moderator or were removed by
     *     one, which nobody else sees
     * @param muted the readers whose comments this reader has muted, collapsed on their page
     */
    public record State(
            boolean canPost,
            @Nullable String reason,
            @Nullable String message,
            @Nullable Instant closesAt,
            boolean verified,
            boolean mayTakePart,
            List<Long> recommended,
            List<Long> mine,
            Map<Long, Instant> editableUntil,
            List<Long> following,
            List<Moderated> moderated,
            List<Long> muted) {}

    /**
     * One of the reader's own comments out of the conversation because of moderation.
     *
     * @param status {@code pending} (waiting for a moderator) or {@code rejected}
     * @param reason for a rejected one, what the moderator told its author
     * @param inReplyToId for a reply, the comment it answers, whose thread it will join once approved
     * @param inReplyTo for a reply, who wrote the comment it answers, as the conversation names them
     */
    public record Moderated(
            long id,
            String body,
            String status,
            String reason,
            @Nullable Long inReplyToId,
            @Nullable String inReplyTo) {}

    private final PublishedContent content;
    private final CommentRepository comments;
    private final RecommendationRepository recommendations;
    private final FollowRepository follows;
    private final Comments rules;
    private final Accounts accounts;
    private final org.springframework.beans.factory.ObjectProvider<org.masthead.discussion.CommentScreening> screening;
    private final org.springframework.beans.factory.ObjectProvider<org.masthead.discussion.MutedReaders> muted;
    private final Clock clock;

    Participation(
            PublishedContent content,
            CommentRepository comments,
            RecommendationRepository recommendations,
            FollowRepository follows,
            Comments rules,
            Accounts accounts,
            org.springframework.beans.factory.ObjectProvider<org.masthead.discussion.CommentScreening> screening,
            org.springframework.beans.factory.ObjectProvider<org.masthead.discussion.MutedReaders> muted,
            Clock clock) {
        this.content = content;
        this.comments = comments;
        this.recommendations = recommendations;
        this.follows = follows;
        this.rules = rules;
        this.accounts = accounts;
        this.screening = screening;
        this.muted = muted;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public State stateOf(long articleId, @Nullable Long accountId) {
        CommentSettings article = content.commentSettings(articleId)
                .orElseThrow(() -> new NotFoundException("There is no such article."));
        boolean open = rules.isOpen(article);
        Instant closesAt = article.enabled() ? article.closeAt() : null;
        if (accountId == null) {
            return open
                    ? new State(
                            false,
                            "signed-out",
                            "Sign in or register to join the conversation.",
                            closesAt,
                            false,
                            false,
                            List.of(),
                            List.of(),
                            Map.of(),
                            List.of(),
                            List.of(),
                            List.of())
                    : closed(closesAt, false);
        }
        boolean verified = accounts.isVerified(accountId);
        List<CommentRow> own = comments.ownUnder(accountId, articleId);
        org.masthead.discussion.ReaderStanding standing = screening
                .getIfAvailable(() -> org.masthead.discussion.CommentScreening.NONE)
                .standing(accountId);
        Instant now = clock.instant();
        Map<Long, Instant> editable = new LinkedHashMap<>();
        if (standing.mayPost()) {
            own.forEach(row -> {
                Instant until = rules.editableUntil(row);
                if (now.isBefore(until)) {
                    editable.put(row.id(), until);
                }
            });
        }
        List<Long> following = follows.followedAuthorsUnder(articleId, accountId);
        String reason = !open ? "closed" : !verified ? "unverified" : !standing.mayPost() ? "sanctioned" : null;
        String message = !open
                ? "Comments on this article are closed."
                : !verified
                        ? "Confirm your e-mail address to join the conversation: follow the link we sent you."
                        : standing.notice();
        return new State(
                open && verified && standing.mayPost(),
                reason,
                message,
                closesAt,
                verified,
                verified && standing.mayPost(),
                recommendations.recommendedBy(accountId, articleId),
                own.stream().map(CommentRow::id).toList(),
                editable,
                following,
                moderated(accountId, articleId),
                muted.getIfAvailable(() -> org.masthead.discussion.MutedReaders.NONE)
                        .mutedBy(accountId));
    }

    /** The reader's own comments out of the conversation, each reply with whom it answers. */
    private List<Moderated> moderated(long accountId, long articleId) {
        List<CommentRepository.Moderated> rows = comments.moderatedUnder(accountId, articleId);
        Map<Long, Long> answeredAuthors = comments.authorsOf(rows.stream()
                .map(CommentRepository.Moderated::inReplyToId)
                .filter(Objects::nonNull)
                .toList());
        Map<Long, PublicReader> readers = accounts.publicReaders(answeredAuthors.values());
        return rows.stream()
                .map(row -> {
                    Long author = row.inReplyToId() == null ? null : answeredAuthors.get(row.inReplyToId());
                    PublicReader reader = author == null ? null : readers.get(author);
                    String name = author == null
                            ? null
                            : reader == null || reader.deleted() ? AccountDeleted.SHOWN_AS : reader.displayName();
                    return new Moderated(
                            row.id(),
                            row.body(),
                            row.status(),
                            row.note(),
                            author == null ? null : row.inReplyToId(),
                            name);
                })
                .toList();
    }

    private static State closed(@Nullable Instant closesAt, boolean verified) {
        return new State(
                false,
                "closed",
                "Comments on this article are closed.",
                closesAt,
                verified,
                false,
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                List.of());
    }
}
