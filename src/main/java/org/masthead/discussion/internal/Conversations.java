package org.masthead.discussion.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.PublicReader;
import org.masthead.discussion.CommenterBadges;
import org.masthead.discussion.CommenterBadges.Badge;
import org.masthead.discussion.DiscussionProperties;
import org.masthead.discussion.internal.CommentRepository.CommentRow;
import org.masthead.discussion.internal.CommentText.Paragraph;
import org.masthead.discussion.internal.CommentTimes.Moment;
import org.masthead.newsroom.CommentSettings;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.newsroom.PublishedContent;
import org.masthead.platform.NotFoundException;
import org.masthead.site.ArticleAddresses;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations as pages show them: the same for every reader, so they can be cached. What is
 * personal (what I recommend, whom I follow, what I may still change) is asked for separately.
 */
@Service
@Transactional(readOnly = true)
public class Conversations {

    /** Who wrote a comment, as shown beside it. */
    public record Commenter(
            long id,
            String name,
            @Nullable String profile,
            @Nullable String avatar,
            List<Badge> badges,
            boolean deleted) {

        /** How many tones a reader without a picture may get: enough to tell neighbours apart. */
        static final int TONES = 6;

        /** The first letter of the name, for a reader without a picture; none for a former reader. */
        public String initial() {
            return deleted || name.isEmpty()
                    ? ""
                    : new String(Character.toChars(Character.toUpperCase(name.codePointAt(0))));
        }

        /** The placeholder's tone: the same for a reader wherever their comments are; one for every former reader. */
        public int tone() {
            return deleted ? 0 : Math.floorMod(id, TONES);
        }
    }

    /**
     * One comment as shown. A deleted one (a tombstone, kept while replies answer it) has no text.
     *
     * @param inReplyTo for a reply to a reply, who wrote the comment it answers
     */
    public record CommentView(
            long id,
            long articleId,
            @Nullable Long parentId,
            @Nullable Long inReplyToId,
            @Nullable Commenter inReplyTo,
            Commenter author,
            List<Paragraph> body,
            boolean deleted,
            int recommendations,
            Moment posted,
            boolean edited,
            String status,
            boolean picked) {

        /** What a comment out of the conversation says in its place, while replies still answer it. */
        public String tombstone() {
            return switch (status) {
                case CommentRepository.REJECTED -> "This comment was removed by a moderator";
                case CommentRepository.PENDING -> "This comment is waiting for a moderator";
                default -> "This comment was deleted";
            };
        }

        public boolean isReply() {
            return parentId != null;
        }

        public String permalink() {
            return "/comment/" + id;
        }

        public String anchor() {
            return "comment-" + id;
        }
    }

    /** A top-level comment with the replies shown under it, and how many more there are. */
    public record ThreadView(CommentView comment, List<CommentView> replies, int moreReplies) {}

    /**
     * A page of a conversation.
     *
     * @param earlier where the page before this one starts reading back from, if there is one
     * @param later where the page after this one starts, if there is one
     * @param accountIds every reader the page shows, for its surrogate keys
     * @param linkedCommentGone the comment the page was opened at is not shown (deleted, held, removed
     *     with nothing under it, or never there), so the page starts where it can and says so
     */
    public record ThreadPage(
            long articleId,
            Sort sort,
            int commentCount,
            List<ThreadView> threads,
            @Nullable String earlier,
            @Nullable String later,
            boolean open,
            @Nullable Moment closesAt,
            Set<Long> accountIds,
            boolean linkedCommentGone) {}

    /**
     * The conversation's staff picks, the latest picked first, each shown on its own (a reply with whom
     * it answers).
     */
    public record PicksPage(
            long articleId,
            int commentCount,
            List<CommentView> picks,
            boolean open,
            @Nullable Moment closesAt,
            Set<Long> accountIds) {}

    /** A comment in a list away from its article: a profile, the following page. */
    public record ListedComment(CommentView comment, String articleHeadline, String articlePath) {}

    /**
     * One of a reader's own comments that waits for a moderator, as only its author sees it away from its
     * article (on their own profile).
     *
     * @param link the comment under its article, where the article's page shows it to its author alone
     */
    public record WaitingComment(long id, String body, String articleHeadline, String link, Moment posted) {}

    /** A page of such a list, newest first, and where the next (older) page starts. */
    public record ListPage(List<ListedComment> comments, @Nullable String older, Set<Long> accountIds) {}

    /** Where to start a page: after or before a position, or at the thread of a comment. */
    public record Start(@Nullable Cursor after, @Nullable Cursor before, @Nullable Long around) {

        public static final Start FIRST = new Start(null, null, null);
    }

    private final CommentRepository comments;
    private final MentionRepository mentions;
    private final FollowRepository follows;
    private final PickRepository picks;
    private final ThreadCounts threadCounts;
    private final PublishedContent content;
    private final ArticleAddresses addresses;
    private final Accounts accounts;
    private final List<CommenterBadges> badges;
    private final Comments rules;
    private final CommentTimes moments;
    private final DiscussionProperties properties;

    Conversations(
            CommentRepository comments,
            MentionRepository mentions,
            FollowRepository follows,
            PickRepository picks,
            ThreadCounts threadCounts,
            PublishedContent content,
            ArticleAddresses addresses,
            Accounts accounts,
            List<CommenterBadges> badges,
            Comments rules,
            CommentTimes moments,
            DiscussionProperties properties) {
        this.comments = comments;
        this.mentions = mentions;
        this.follows = follows;
        this.picks = picks;
        this.threadCounts = threadCounts;
        this.content = content;
        this.addresses = addresses;
        this.accounts = accounts;
        this.badges = badges;
        this.rules = rules;
        this.moments = moments;
        this.properties = properties;
    }

    /** The published article whose conversation this is. */
    public PublishedArticle article(long articleId) {
        return content.article(articleId).orElseThrow(() -> new NotFoundException("There is no such article."));
    }

    public String articlePath(long articleId) {
        return addresses.pathOf(articleId).orElseThrow(() -> new NotFoundException("There is no such article."));
    }

    /** One page of top-level comments, each with its first replies (all of them, for the thread asked for). */
    public ThreadPage page(long articleId, Sort sort, Start start) {
        CommentSettings article = content.commentSettings(articleId)
                .orElseThrow(() -> new NotFoundException("There is no such article."));
        int size = properties.pageSize();
        List<CommentRow> rows;
        boolean more;
        boolean earlier;
        Long expanded = null;
        Optional<CommentRow> thread = start.around() == null ? Optional.empty() : threadOf(articleId, start.around());
        boolean linkedCommentGone = start.around() != null && thread.isEmpty();
        if (thread.isPresent()) {
            Cursor at = Cursor.at(thread.get(), sort);
            rows = comments.topLevel(articleId, sort, at, true, false, size + 1);
            earlier = !comments.topLevel(articleId, sort, at, false, true, 1).isEmpty();
            expanded = thread.get().id();
            more = rows.size() > size;
            rows = rows.subList(0, Math.min(size, rows.size()));
        } else if (start.before() != null) {
            rows = comments.topLevel(articleId, sort, start.before(), false, true, size + 1);
            earlier = rows.size() > size;
            rows = rows.subList(Math.max(0, rows.size() - size), rows.size());
            more = true;
        } else {
            rows = comments.topLevel(articleId, sort, start.after(), false, false, size + 1);
            earlier = start.after() != null;
            more = rows.size() > size;
            rows = rows.subList(0, Math.min(size, rows.size()));
        }
        List<Long> threadIds = rows.stream().map(CommentRow::id).toList();
        Map<Long, List<CommentRow>> replies = comments.firstReplies(threadIds, properties.repliesShown());
        if (expanded != null) {
            replies.put(expanded, comments.allReplies(expanded));
        }
        if (start.around() != null && !linkedCommentGone) {
            long linked = start.around();
            linkedCommentGone = rows.stream().noneMatch(row -> row.id() == linked)
                    && replies.getOrDefault(expanded, List.of()).stream().noneMatch(row -> row.id() == linked);
        }
        Map<Long, Integer> shownReplies = comments.shownReplyCounts(threadIds);
        List<CommentRow> all = new ArrayList<>(rows);
        replies.values().forEach(all::addAll);
        Views views = views(all);
        List<ThreadView> threads = rows.stream()
                .map(row -> {
                    List<CommentRow> shown = replies.getOrDefault(row.id(), List.of());
                    return new ThreadView(
                            views.of(row),
                            shown.stream().map(views::of).toList(),
                            shownReplies.getOrDefault(row.id(), 0) - shown.size());
                })
                .toList();
        String earlierCursor =
                earlier && !rows.isEmpty() ? Cursor.at(rows.getFirst(), sort).toString() : null;
        String laterCursor =
                more && !rows.isEmpty() ? Cursor.at(rows.getLast(), sort).toString() : null;
        return new ThreadPage(
                articleId,
                sort,
                threadCounts.of(articleId),
                threads,
                earlierCursor,
                laterCursor,
                rules.isOpen(article),
                article.closeAt() == null ? null : moments.of(article.closeAt()),
                views.accountIds(),
                linkedCommentGone);
    }

    /**
     * The top-level comment whose thread holds this comment of the article, if that thread is shown. A link
     * to a comment no longer shown, or to one never there, finds none, and the page opens at the start.
     */
    private Optional<CommentRow> threadOf(long articleId, long commentId) {
        Optional<CommentRow> target = comments.byId(commentId).filter(row -> row.articleId() == articleId);
        Optional<Long> threadId = target.map(row -> row.topLevel() ? row.id() : row.threadId());
        return threadId.flatMap(id -> comments.byIds(List.of(id)).stream().findFirst());
    }

    /** The staff picks under an article, as many as a page of the conversation holds. */
    public PicksPage picks(long articleId) {
        CommentSettings article = content.commentSettings(articleId)
                .orElseThrow(() -> new NotFoundException("There is no such article."));
        List<CommentRow> rows = picks.picksUnder(articleId, properties.pageSize());
        Views views = views(rows);
        return new PicksPage(
                articleId,
                threadCounts.of(articleId),
                rows.stream().map(views::of).toList(),
                rules.isOpen(article),
                article.closeAt() == null ? null : moments.of(article.closeAt()),
                views.accountIds());
    }

    /** Every reply in a thread. */
    public ThreadView thread(long articleId, long threadId) {
        CommentRow top = comments.byIds(List.of(threadId)).stream()
                .filter(row -> row.articleId() == articleId && row.topLevel())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no such comment."));
        List<CommentRow> replies = comments.allReplies(threadId);
        List<CommentRow> all = new ArrayList<>(replies);
        all.add(top);
        Views views = views(all);
        return new ThreadView(views.of(top), replies.stream().map(views::of).toList(), 0);
    }

    /** These comments of the article as shown, in the order they were posted; unknown or hidden ones left out. */
    public List<CommentView> comments(long articleId, Collection<Long> ids) {
        List<CommentRow> rows = comments.byIds(ids).stream()
                .filter(row -> row.articleId() == articleId)
                .sorted(java.util.Comparator.comparing(CommentRow::postedAt).thenComparing(CommentRow::id))
                .toList();
        Views views = views(rows);
        return rows.stream().map(views::of).toList();
    }

    /** Every reader the comments show, for surrogate keys. */
    public Set<Long> accountsIn(Collection<CommentView> views) {
        Set<Long> ids = new HashSet<>();
        views.forEach(view -> {
            ids.add(view.author().id());
            if (view.inReplyTo() != null) {
                ids.add(view.inReplyTo().id());
            }
        });
        return ids;
    }

    /** A reader's published comments and replies, newest first. */
    public ListPage byAuthor(long authorId, @Nullable Cursor before) {
        return list(comments.byAuthor(authorId, before, properties.listSize() + 1));
    }

    /**
     * The reader's own comments and replies that wait for a moderator, newest first, as many as a profile
     * lists: for their eyes only, never for a page that others see or that is cached.
     */
    public List<WaitingComment> waitingBy(long authorId) {
        List<WaitingComment> waiting = new ArrayList<>();
        for (CommentRow row : comments.waitingBy(authorId, properties.listSize())) {
            content.commentSettings(row.articleId())
                    .ifPresent(article -> waiting.add(new WaitingComment(
                            row.id(),
                            row.body(),
                            article.headline(),
                            addresses.pathOf(article.articleId()).orElse("/") + "#own-comment-" + row.id(),
                            moments.of(row.postedAt()))));
        }
        return List.copyOf(waiting);
    }

    /** The readers this one follows, in the order they followed them; a deleted account is left out. */
    public List<PublicReader> followedReaders(long followerId) {
        List<Long> ids = follows.followed(followerId);
        Map<Long, PublicReader> readers = accounts.publicReaders(ids);
        return ids.stream()
                .map(readers::get)
                .filter(reader -> reader != null && !reader.deleted())
                .toList();
    }

    /** What the readers this one follows have written lately, newest first. */
    public ListPage following(long followerId, @Nullable Cursor before) {
        return list(follows.byFollowed(followerId, before, properties.listSize() + 1));
    }

    private ListPage list(List<CommentRow> fetched) {
        int size = properties.listSize();
        List<CommentRow> rows = fetched.subList(0, Math.min(size, fetched.size()));
        Views views = views(rows);
        Map<Long, Optional<CommentSettings>> articles = new LinkedHashMap<>();
        rows.forEach(row -> articles.computeIfAbsent(row.articleId(), content::commentSettings));
        List<ListedComment> listed = new ArrayList<>();
        for (CommentRow row : rows) {
            articles.get(row.articleId())
                    .ifPresent(article -> listed.add(new ListedComment(
                            views.of(row),
                            article.headline(),
                            addresses.pathOf(article.articleId()).orElse("/"))));
        }
        String older = fetched.size() > size ? Cursor.byTime(rows.getLast()).toString() : null;
        return new ListPage(listed, older, views.accountIds());
    }

    /** Everything needed to show a set of comments, fetched once for all of them. */
    private Views views(Collection<CommentRow> rows) {
        Set<Long> answered = new HashSet<>();
        rows.forEach(row -> {
            if (row.inReplyToId() != null && !row.inReplyToId().equals(row.parentId())) {
                answered.add(row.inReplyToId());
            }
        });
        Map<Long, Long> answeredAuthors = comments.authorsOf(answered);
        Set<Long> accountIds = new HashSet<>(answeredAuthors.values());
        rows.forEach(row -> accountIds.add(row.authorId()));
        Map<Long, List<MentionRepository.Mention>> named =
                mentions.mentionsOf(rows.stream().map(CommentRow::id).toList());
        named.values().forEach(list -> list.forEach(m -> accountIds.add(m.accountId())));
        Map<Long, PublicReader> readers = accounts.publicReaders(accountIds);
        Set<Long> picked = picks.pickedAmong(rows.stream().map(CommentRow::id).toList());
        Map<Long, List<Badge>> badgesById = new HashMap<>();
        for (CommenterBadges source : badges) {
            source.badgesOf(accountIds).forEach((id, list) -> badgesById
                    .computeIfAbsent(id, k -> new ArrayList<>())
                    .addAll(list));
        }
        return new Views(readers, badgesById, answeredAuthors, named, picked, accountIds);
    }

    private final class Views {

        private final Map<Long, PublicReader> readers;
        private final Map<Long, List<Badge>> badges;
        private final Map<Long, Long> answeredAuthors;
        private final Map<Long, List<MentionRepository.Mention>> mentions;
        private final Set<Long> picked;
        private final Set<Long> accountIds;

        Views(
                Map<Long, PublicReader> readers,
                Map<Long, List<Badge>> badges,
                Map<Long, Long> answeredAuthors,
                Map<Long, List<MentionRepository.Mention>> mentions,
                Set<Long> picked,
                Set<Long> accountIds) {
            this.readers = readers;
            this.badges = badges;
            this.answeredAuthors = answeredAuthors;
            this.mentions = mentions;
            this.picked = picked;
            this.accountIds = accountIds;
        }

        Set<Long> accountIds() {
            return accountIds;
        }

        CommentView of(CommentRow row) {
            boolean deleted = !row.published();
            Long answeredAuthor = row.inReplyToId() == null ? null : answeredAuthors.get(row.inReplyToId());
            return new CommentView(
                    row.id(),
                    row.articleId(),
                    row.parentId(),
                    row.inReplyToId(),
                    answeredAuthor == null ? null : commenter(answeredAuthor),
                    commenter(row.authorId()),
                    deleted
                            ? List.of()
                            : CommentText.render(row.body(), mentions.getOrDefault(row.id(), List.of()), id -> {
                                PublicReader reader = readers.get(id);
                                return reader == null ? null : reader.profilePath();
                            }),
                    deleted,
                    row.recommendations(),
                    moments.of(row.postedAt()),
                    row.editedAt() != null,
                    row.status(),
                    !deleted && picked.contains(row.id()));
        }

        private Commenter commenter(long accountId) {
            PublicReader reader = readers.get(accountId);
            if (reader == null || reader.deleted()) {
                return new Commenter(
                        accountId, org.masthead.accounts.AccountDeleted.SHOWN_AS, null, null, List.of(), true);
            }
            return new Commenter(
                    accountId,
                    reader.displayName(),
                    reader.profilePath(),
                    reader.avatar(64),
                    badges.getOrDefault(accountId, List.of()),
                    false);
        }
    }
}
