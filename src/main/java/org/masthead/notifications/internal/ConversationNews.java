package org.masthead.notifications.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.discussion.CommentPosted;
import org.masthead.notifications.NotificationsProperties;
import org.masthead.notifications.internal.NotificationRepository.About;
import org.masthead.notifications.internal.NotificationRepository.Gathered;
import org.masthead.platform.Workers;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells everyone a new comment concerns, in rounds rather than comment by comment. A published comment is
 * recorded here, in one insert, by the transaction that posts it, so that it is told exactly when it is
 * committed, crash or not. Every {@code masthead.notifications.conversation-interval} a worker on each node
 * claims an article's waiting comments and, in one transaction, tells the readers each concerns directly
 * ({@link DirectNews}: the reader it replies to, those it mentions, its author's followers) and brings each
 * of the conversation's followers' one
 * gathered notification up to date with all of them at once. On a busy conversation every comment would
 * otherwise update the same followers' rows, and each would cost the poster's node a transaction or three.
 *
 * <p>A round's claim and what it tells commit together, and a comment told once is not told again
 * (its row says when it was told, for a day).
 */
@Component
class ConversationNews {

    /** The most comments one round tells of; a busier conversation takes more rounds, one after another. */
    static final int ROUND_LIMIT = 1_000;

    private static final Duration KEPT = Duration.ofDays(1);

    /** A comment waiting to be told. */
    record News(
            long commentId,
            long authorId,
            @Nullable Long inReplyToAuthorId,
            Set<Long> mentionedIds,
            String articleHeadline,
            String excerpt,
            Set<Long> told,
            Instant recordedAt) {}

    private final JdbcClient db;
    private final ConversationFollows conversations;
    private final DirectNews direct;
    private final MailBatches batches;
    private final NotificationRepository notifications;
    private final UnreadCounts unread;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ConversationNews(
            JdbcClient db,
            ConversationFollows conversations,
            DirectNews direct,
            MailBatches batches,
            NotificationRepository notifications,
            UnreadCounts unread,
            TransactionTemplate transactions,
            NotificationsProperties properties,
            Clock clock,
            Workers workers) {
        this.db = db;
        this.conversations = conversations;
        this.direct = direct;
        this.batches = batches;
        this.notifications = notifications;
        this.unread = unread;
        this.transactions = transactions;
        this.clock = clock;
        workers.run("conversation-news", properties.conversationInterval(), null, this::tellWaitingConversations);
    }

    /**
     * Records a published comment, in the transaction that posts it (a held one is posted when a moderator
     * approves it); a second time changes nothing.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CommentPosted comment) {
        Instant now = clock.instant();
        // Its author follows at once (the page they reload straight after posting shows it), in the same
        // statement: one round trip, in every posting transaction.
        db.sql(
                        "WITH author_follows AS (" + ConversationFollows.AUTHOR_FOLLOWS + ")\n"
                                + """
                        INSERT INTO conversation_news (comment_id, article_id, author_id, in_reply_to_author_id,
                                                       mentioned_ids, article_headline, excerpt, told, recorded_at)
                        VALUES (:comment, :article, :author, :repliedTo, CAST(:mentioned AS bigint[]), :headline,
                                :excerpt, '{}', :now)
                        ON CONFLICT (comment_id) DO NOTHING""")
                .param("followByDefault", EmailPreferences.FOLLOW_CONVERSATIONS_BY_DEFAULT)
                .param("comment", comment.commentId())
                .param("article", comment.articleId())
                .param("author", comment.authorId())
                .param("repliedTo", comment.inReplyToAuthorId(), Types.BIGINT)
                .param("mentioned", comment.mentionedIds().toArray(Long[]::new))
                .param("headline", comment.articleHeadline())
                .param("excerpt", comment.excerpt())
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Takes one round: tells each conversation's followers of what waits for them, each conversation in
     * a transaction of its own. A conversation is told once a round, so that comments posted meanwhile
     * wait for the next and a busy one is told of many comments at once.
     *
     * @return whether a conversation had more waiting than one round tells, to take the next round at once
     */
    boolean tellWaitingConversations() {
        Set<Long> toldArticles = new HashSet<>();
        boolean more = false;
        while (true) {
            Optional<Round> round = transactions.execute(status -> tellNext(toldArticles));
            if (round == null || round.isEmpty()) {
                return more;
            }
            toldArticles.add(round.get().articleId());
            more |= round.get().comments() == ROUND_LIMIT;
        }
    }

    /** What one round told: of how many comments on which article. */
    record Round(long articleId, int comments) {}

    private Optional<Round> tellNext(Set<Long> toldArticles) {
        Optional<Long> article = db.sql(
                        """
                        SELECT article_id FROM conversation_news
                        WHERE told_at IS NULL AND article_id <> ALL (CAST(:told AS bigint[]))
                        ORDER BY comment_id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("told", toldArticles.toArray(Long[]::new))
                .query(Long.class)
                .optional();
        if (article.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // Another node may be telling some of this article's comments: it keeps those, this round the rest.
        List<News> news = db.sql(
                        """
                        UPDATE conversation_news SET told_at = :now
                        WHERE comment_id IN (SELECT comment_id FROM conversation_news
                                             WHERE article_id = :article AND told_at IS NULL
                                             ORDER BY comment_id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING comment_id, author_id, in_reply_to_author_id, mentioned_ids, article_headline,
                                  excerpt, told, recorded_at""")
                .param("now", Timestamp.from(now))
                .param("article", article.get())
                .param("limit", ROUND_LIMIT)
                .query((rs, n) -> new News(
                        rs.getLong("comment_id"),
                        rs.getLong("author_id"),
                        rs.getObject("in_reply_to_author_id", Long.class),
                        ids(rs.getArray("mentioned_ids")),
                        rs.getString("article_headline"),
                        rs.getString("excerpt"),
                        ids(rs.getArray("told")),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
        news = news.stream().sorted(Comparator.comparingLong(News::commentId)).toList();
        Set<Long> changed = new LinkedHashSet<>();
        List<News> toldDirectly = new ArrayList<>();
        for (News comment : news) {
            About about = new About(comment.commentId(), article.get(), comment.articleHeadline(), comment.excerpt());
            DirectNews.Told told =
                    direct.tell(about, comment.authorId(), comment.inReplyToAuthorId(), comment.mentionedIds(), now);
            changed.addAll(told.withNewNotifications());
            Set<Long> toldReaders = new HashSet<>(comment.told());
            toldReaders.addAll(told.readers());
            toldDirectly.add(new News(
                    comment.commentId(),
                    comment.authorId(),
                    comment.inReplyToAuthorId(),
                    comment.mentionedIds(),
                    comment.articleHeadline(),
                    comment.excerpt(),
                    toldReaders,
                    comment.recordedAt()));
        }
        news = toldDirectly;
        Map<Long, Gathered> gathered = new TreeMap<>();
        for (ConversationFollows.Follower following : conversations.followersOf(article.get())) {
            long follower = following.readerId();
            // Not what came before they followed: a reader who replies (and so follows) in the same round as
            // the comment they answered would otherwise be told of that comment as news.
            List<News> theirs = news.stream()
                    .filter(comment -> comment.authorId() != follower
                            && !comment.told().contains(follower)
                            && !comment.recordedAt().isBefore(following.since()))
                    .toList();
            if (!theirs.isEmpty()) {
                News latest = theirs.getLast();
                Set<Long> commenters = theirs.stream().map(News::authorId).collect(Collectors.toSet());
                gathered.put(
                        follower,
                        new Gathered(follower, latest.commentId(), latest.authorId(), latest.excerpt(), commenters));
            }
        }
        if (!gathered.isEmpty()) {
            String headline = news.getLast().articleHeadline();
            notifications.gatherConversation(
                    article.get(), headline, gathered.values(), batches.waitForAll(gathered.keySet(), now), now);
            changed.addAll(gathered.keySet());
        }
        unread.changed(changed);
        return Optional.of(new Round(article.get(), news.size()));
    }

    /** A deleted account's comments are news to nobody, and what they said is not kept here. */
    void forgetAuthor(long authorId) {
        db.sql("DELETE FROM conversation_news WHERE author_id = :author")
                .param("author", authorId)
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    void forgetTold() {
        db.sql("DELETE FROM conversation_news WHERE told_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(KEPT)))
                .update();
    }

    private static Set<Long> ids(Array array) throws SQLException {
        return Arrays.stream((Long[]) array.getArray()).collect(Collectors.toSet());
    }
}
