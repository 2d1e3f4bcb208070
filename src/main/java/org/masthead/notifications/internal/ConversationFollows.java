package org.masthead.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.masthead.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers following the conversation under an article: by the toggle on the article's comments, and
 * by commenting there, unless they turned that off in their notification settings. Stopping works from
 * the toggle, from a notification, and from the signed link in a notification e-mail.
 */
@Service
public class ConversationFollows {

    private final JdbcClient db;
    private final ConversationLinks links;
    private final Clock clock;

    ConversationFollows(JdbcClient db, ConversationLinks links, Clock clock) {
        this.db = db;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public void follow(long readerId, long articleId) {
        follow(readerId, articleId, clock.instant());
    }

    @Transactional
    public void unfollow(long readerId, long articleId) {
        db.sql("DELETE FROM conversation_follow WHERE reader_id = :reader AND article_id = :article")
                .param("reader", readerId)
                .param("article", articleId)
                .update();
    }

    @Transactional(readOnly = true)
    public boolean follows(long readerId, long articleId) {
        return !following(readerId, List.of(articleId)).isEmpty();
    }

    /** Which of these articles' conversations the reader follows. */
    @Transactional(readOnly = true)
    public Set<Long> following(long readerId, List<Long> articleIds) {
        return Set.copyOf(db.sql(
                        "SELECT article_id FROM conversation_follow WHERE reader_id = :reader AND article_id = ANY (:articles)")
                .param("reader", readerId)
                .param("articles", articleIds.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    /**
     * Stops following by the signed link in a notification e-mail, without signing in.
     *
     * @throws NotFoundException if the link is not one of ours
     */
    @Transactional
    public void unfollow(String token) {
        ConversationLinks.Target target =
                links.targetOf(token).orElseThrow(() -> new NotFoundException("That link does not work."));
        unfollow(target.readerId(), target.articleId());
    }

    /** Whether the token is a stop-following link of ours. */
    public boolean isValid(String token) {
        return links.targetOf(token).isPresent();
    }

    /** A reader who follows a conversation, since when. */
    record Follower(long readerId, Instant since) {}

    /** The readers who follow the article's conversation. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Follower> followersOf(long articleId) {
        return db.sql(
                        """
                        SELECT reader_id, followed_at FROM conversation_follow WHERE article_id = :article
                        ORDER BY reader_id""")
                .param("article", articleId)
                .query((rs, n) -> new Follower(
                        rs.getLong("reader_id"), rs.getTimestamp("followed_at").toInstant()))
                .list();
    }

    /**
     * The author of a comment follows its conversation, unless they chose not to: a statement for the
     * {@code WITH} of {@link ConversationNews}'s, which records the comment in the same round trip. It
     * binds {@code :author}, {@code :article}, {@code :now} and {@code :followByDefault}.
     */
    static final String AUTHOR_FOLLOWS =
            """
            INSERT INTO conversation_follow (reader_id, article_id, followed_at)
            SELECT :author, :article, :now
            WHERE COALESCE((SELECT follow_conversations FROM notification_preference WHERE account_id = :author),
                           :followByDefault)
            ON CONFLICT DO NOTHING""";

    /** The articles whose conversations the reader follows, as their data export lists them. */
    List<Followed> followedBy(long readerId) {
        return db.sql(
                        "SELECT article_id, followed_at FROM conversation_follow WHERE reader_id = :reader ORDER BY followed_at")
                .param("reader", readerId)
                .query((rs, n) -> new Followed(
                        rs.getLong("article_id"), rs.getTimestamp("followed_at").toInstant()))
                .list();
    }

    /** A conversation a reader follows, as their data export lists it. */
    record Followed(long articleId, Instant since) {}

    void forget(long readerId) {
        db.sql("DELETE FROM conversation_follow WHERE reader_id = :reader")
                .param("reader", readerId)
                .update();
    }

    /** Follows as of that moment (as {@link #follow(long, long)} does as of now). */
    void follow(long readerId, long articleId, Instant now) {
        db.sql(
                        """
                        INSERT INTO conversation_follow (reader_id, article_id, followed_at)
                        VALUES (:reader, :article, :now) ON CONFLICT DO NOTHING""")
                .param("reader", readerId)
                .param("article", articleId)
                .param("now", Timestamp.from(now))
                .update();
    }
}
