package org.masthead.discussion;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.masthead.discussion.internal.Comments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The discussion as other modules' tests need it. It publishes the discussion's events as its posting
 * code does (inside a transaction, through the event publication registry), for modules that react to
 * them: comment ids are made up and unique across the test run, and no comment rows are written. It
 * also changes real comments (posted through {@link Discussion#post}) as their authors would.
 */
@Component
public class TestDiscussion {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient db;
    private final Comments comments;

    TestDiscussion(
            ApplicationEventPublisher events, TransactionTemplate transactions, JdbcClient db, Comments comments) {
        this.events = events;
        this.transactions = transactions;
        this.db = db;
        this.comments = comments;
    }

    public static long newId() {
        return IDS.incrementAndGet();
    }

    /** A top-level comment by this author under this article. */
    public CommentPosted comment(long articleId, long authorId) {
        long id = newId();
        return new CommentPosted(
                id,
                articleId,
                "Headline of article " + articleId,
                authorId,
                null,
                null,
                null,
                Set.of(),
                "Comment " + id + " by " + authorId,
                Instant.now());
    }

    /** A reply to that comment, by this author, mentioning these readers. */
    public CommentPosted reply(CommentPosted to, long authorId, Long... mentioned) {
        long id = newId();
        return new CommentPosted(
                id,
                to.articleId(),
                to.articleHeadline(),
                authorId,
                to.parentId() == null ? to.commentId() : to.parentId(),
                to.commentId(),
                to.authorId(),
                Set.of(mentioned),
                "Reply " + id + " by " + authorId,
                Instant.now());
    }

    /** A top-level comment that mentions readers. */
    public CommentPosted mentioning(long articleId, long authorId, Long... mentioned) {
        CommentPosted comment = comment(articleId, authorId);
        return new CommentPosted(
                comment.commentId(),
                articleId,
                comment.articleHeadline(),
                authorId,
                null,
                null,
                null,
                Set.of(mentioned),
                "Hello @someone, " + comment.excerpt(),
                comment.postedAt());
    }

    public CommentRecommended recommendation(CommentPosted comment, long recommenderId) {
        return new CommentRecommended(
                comment.commentId(),
                comment.articleId(),
                comment.articleHeadline(),
                comment.authorId(),
                recommenderId,
                Instant.now());
    }

    /** Publishes the event in a transaction of its own, as the discussion does when it commits. */
    public <T> T publish(T event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        return event;
    }

    /**
     * Waits until every listener has handled the events about this comment: the publication registry
     * deletes each delivery once it completes, and keeps one that failed, so this fails the test then;
     * and until the conversation's followers were told of it, in the next round.
     */
    public void awaitHandled(long commentId) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> db.sql(
                                        """
                                        SELECT (SELECT count(*) FROM event_publication WHERE serialized_event LIKE :pattern)
                                             + (SELECT count(*) FROM conversation_news
                                                WHERE comment_id = :comment AND told_at IS NULL)""")
                                .param("pattern", "%\"commentId\":" + commentId + ",%")
                                .param("comment", commentId)
                                .query(Long.class)
                                .single()
                        == 0);
    }

    public void follow(long followerId, long followedId) {
        db.sql("INSERT INTO reader_follow (follower_id, followed_id, since) VALUES (:follower, :followed, now())")
                .param("follower", followerId)
                .param("followed", followedId)
                .update();
    }

    /** Changes a comment as its author does from the page, by the same rules (within the edit window). */
    public void edit(long authorId, long commentId, String text) {
        comments.edit(authorId, commentId, text);
    }

    /** Deletes a comment as its author does from the page. */
    public void delete(long authorId, long commentId) {
        comments.delete(authorId, commentId);
    }

    /** An article id no other test uses. */
    public static long article() {
        return newId();
    }
}
