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

    /**
     * How many published comments and replies each of these articles has, from one counter per
     * article: one query however many articles. Articles without any are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> commentCounts(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> counts = new java.util.HashMap<>();
        db.sql(
                        """
                        SELECT article_id, comment_count FROM comment_thread
                        WHERE article_id IN (:ids) AND comment_count > 0""")
                .param("ids", articleIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
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
