package org.masthead.discussion;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.masthead.discussion.internal.Comments;
import org.masthead.discussion.internal.Follows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of the discussion. */
@Service
public class Discussion {

    private final JdbcClient db;
    private final Comments comments;
    private final Follows follows;

    Discussion(JdbcClient db, Comments comments, Follows follows) {
        this.db = db;
        this.comments = comments;
        this.follows = follows;
    }

    /**
     * Posts a comment as this reader, by the rules of the comment form: a verified reader, a thread
     * still open, the reader's rate limit. Each broken rule is an exception that changes nothing.
     *
     * @param inReplyTo the comment this one answers, or null for a new comment
     * @return the new comment's id
     */
    public long post(long authorId, long articleId, String text, @Nullable Long inReplyTo) {
        return comments.post(authorId, articleId, text, inReplyTo, UUID.randomUUID())
                .commentId();
    }

    /**
     * Approves a comment held for a moderator: it joins the conversation, and whoever it concerns is
     * told as if it had just been posted.
     *
     * @return false when it was not held any more
     */
    public boolean approve(long commentId) {
        return comments.approve(commentId);
    }

    /**
     * Removes a comment from the conversation on every node at once; its author sees it marked removed,
     * with this reason.
     *
     * @return false when it was already removed or deleted
     */
    public boolean reject(long commentId, String reasonForAuthor) {
        return comments.reject(commentId, reasonForAuthor);
    }

    /**
     * Returns a rejected comment to the conversation, its rejection overturned on appeal: everyone it
     * concerns is told as for an approved comment, once.
     *
     * @return false when it was not rejected
     */
    public boolean reinstate(long commentId) {
        return comments.reinstate(commentId);
    }

    /**
     * Takes a published comment out of the conversation until a moderator decides on it.
     *
     * @return false when it was not published
     */
    public boolean hold(long commentId) {
        return comments.hold(commentId);
    }

    /**
     * Picks a published comment as a staff pick: marked in the conversation and listed under its Picks
     * tab, on every node at once; {@link CommentPicked} tells its author.
     *
     * @return false when it was picked already
     */
    public boolean pick(long commentId) {
        return comments.pick(commentId);
    }

    /**
     * Takes a comment off the staff picks.
     *
     * @return false when it was not picked
     */
    public boolean unpick(long commentId) {
        return comments.unpick(commentId);
    }

    /** Which of these comments are staff picks. */
    public java.util.Set<Long> picked(Collection<Long> commentIds) {
        return comments.picked(commentIds);
    }

    /** How many published comments a reader has, counting no further than {@code atMost}. */
    public int publishedCount(long authorId, int atMost) {
        return comments.publishedCount(authorId, atMost);
    }

    /** Comments by id, whatever their status, in the order asked; unknown ids are left out. */
    @Transactional(readOnly = true)
    public List<DiscussedComment> comments(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, DiscussedComment> found = new java.util.HashMap<>();
        db.sql("SELECT " + DISCUSSED + " FROM comment WHERE id IN (:ids)")
                .param("ids", ids)
                .query(Discussion::discussed)
                .list()
                .forEach(comment -> found.put(comment.id(), comment));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The reports readers made of these comments, oldest first, by comment. */
    @Transactional(readOnly = true)
    public Map<Long, List<CommentReport>> reports(Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<CommentReport>> reports = new java.util.LinkedHashMap<>();
        db.sql(
                        """
                        SELECT comment_id, reporter_id, reason, detail, reported_at FROM comment_report
                        WHERE comment_id IN (:ids) ORDER BY reported_at, reporter_id""")
                .param("ids", commentIds)
                .query((rs, n) -> new CommentReport(
                        rs.getLong("comment_id"),
                        rs.getLong("reporter_id"),
                        Comments.reportReasonLabel(rs.getString("reason")),
                        rs.getString("detail"),
                        rs.getTimestamp("reported_at").toInstant()))
                .list()
                .forEach(report -> reports.computeIfAbsent(report.commentId(), id -> new java.util.ArrayList<>())
                        .add(report));
        return reports;
    }

    /** A comment's whole thread, whatever each comment's status: the top-level comment first. */
    @Transactional(readOnly = true)
    public List<DiscussedComment> threadOf(long commentId, int atMost) {
        return db.sql(
                        "SELECT " + DISCUSSED
                                + """
                         FROM comment WHERE id = :thread OR parent_id = :thread
                        ORDER BY parent_id NULLS FIRST, posted_at, id LIMIT :limit""")
                .param(
                        "thread",
                        comments(List.of(commentId)).stream()
                                .findFirst()
                                .map(DiscussedComment::threadId)
                                .orElse(commentId))
                .param("limit", atMost)
                .query(Discussion::discussed)
                .list();
    }

    /** A reader's latest comments, whatever their status, newest first. */
    @Transactional(readOnly = true)
    public List<DiscussedComment> latestBy(long authorId, int atMost) {
        return db.sql("SELECT " + DISCUSSED
                        + " FROM comment WHERE author_id = :author ORDER BY posted_at DESC, id DESC LIMIT :limit")
                .param("author", authorId)
                .param("limit", atMost)
                .query(Discussion::discussed)
                .list();
    }

    private static final String DISCUSSED =
            "id, article_id, author_id, parent_id, in_reply_to_id, body, status, posted_at, edited_at,"
                    + " coalesce(moderation_note, '') AS moderation_note";

    private static DiscussedComment discussed(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new DiscussedComment(
                rs.getLong("id"),
                rs.getLong("article_id"),
                rs.getLong("author_id"),
                rs.getObject("parent_id", Long.class),
                rs.getObject("in_reply_to_id", Long.class),
                rs.getString("body"),
                rs.getString("status"),
                rs.getTimestamp("posted_at").toInstant(),
                org.masthead.platform.Sql.instant(rs, "edited_at"),
                rs.getString("moderation_note"));
    }

    /** One reader follows another, as from the other's profile. */
    public void follow(long followerId, long followedId) {
        follows.follow(followerId, followedId);
    }

    /**
     * The surrogate key of every cached page or fragment that shows an article's conversation: evict
     * it and the next reader gets the conversation afresh.
     */
    public static String surrogateKey(long articleId) {
        return "discussion-" + articleId;
    }

    /** The readers who follow this one, to tell them when they post. */
    @Transactional(readOnly = true)
    public List<Long> followersOf(long accountId) {
        return follows.followersOf(accountId);
    }

    /** Where a published comment is, for its permalink; empty for an unknown or unpublished one. */
    @Transactional(readOnly = true)
    public Optional<CommentLocation> locate(long commentId) {
        return db.sql(
                        """
                        SELECT id, article_id, coalesce(parent_id, id) AS thread_id FROM comment
                        WHERE id = :id AND status = 'published'""")
                .param("id", commentId)
                .query((rs, n) ->
                        new CommentLocation(rs.getLong("id"), rs.getLong("article_id"), rs.getLong("thread_id")))
                .optional();
    }
}
