package org.masthead.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification} table and its ledger of sources, {@code notification_source}. */
@Repository
class NotificationRepository {

    /** What a notification is about. */
    record About(long commentId, long articleId, String articleHeadline, String excerpt) {}

    /**
     * What a round of a conversation's new comments brings one of its followers: the latest of those
     * comments they are to hear of, and everyone who wrote them.
     */
    record Gathered(long recipientId, long commentId, long actorId, String excerpt, Set<Long> commenters) {}

    /** Where a page of the list ends: the next page starts after it. */
    record Cursor(Instant updatedAt, long id) {}

    /**
     * How many commenters a conversation notification counts, at most: it then says "99+ others". Counting
     * further meant each round checking every follower against every commenter: with 200 readers both
     * following and commenting, 40,000 checks and 140 ms of the database's time every two seconds, in
     * which comments were posted slowly.
     */
    static final int COUNTED_COMMENTERS = 100;

    private static final String SELECT =
            """
            SELECT id, recipient_id, kind, comment_id, article_id, article_headline, actor_id, actor_count,
                   excerpt, created_at, updated_at, read_at, followed_kind, followed_name, link
            FROM notification
            """;

    private final JdbcClient db;

    NotificationRepository(JdbcClient db) {
        this.db = db;
    }

    /**
     * Records that this actor's comment (or recommendation) told the recipient this kind of thing.
     *
     * @return false if it was recorded before: the event is being handled again, and must change nothing
     */
    boolean recordSource(long recipientId, NotificationKind kind, long commentId, long actorId) {
        return !recordSources(List.of(recipientId), kind, commentId, actorId).isEmpty();
    }

    /** As {@link #recordSource}, for many recipients in one statement: those not told of it before, in order. */
    List<Long> recordSources(Collection<Long> recipientIds, NotificationKind kind, long commentId, long actorId) {
        if (recipientIds.isEmpty()) {
            return List.of();
        }
        return db
                .sql(
                        """
                        INSERT INTO notification_source (recipient_id, kind, comment_id, actor_id)
                        SELECT id, :kind, :comment, :actor FROM unnest(CAST(:recipients AS bigint[])) AS id ORDER BY id
                        ON CONFLICT DO NOTHING
                        RETURNING recipient_id""")
                .param("recipients", recipientIds.stream().sorted().distinct().toArray(Long[]::new))
                .param("kind", kind.stored())
                .param("comment", commentId)
                .param("actor", actorId)
                .query(Long.class)
                .list()
                .stream()
                .sorted()
                .toList();
    }

    /** A notification of its own, such as a reply; {@code mail} is what becomes of its e-mail. */
    long insert(long recipientId, NotificationKind kind, About about, long actorId, MailState mail, Instant now) {
        return insert(recipientId, kind, about, actorId, mail, null, now);
    }

    /** As {@link #insert(long, NotificationKind, About, long, MailState, Instant)}, leading to this address. */
    long insert(
            long recipientId,
            NotificationKind kind,
            About about,
            long actorId,
            MailState mail,
            @Nullable String link,
            Instant now) {
        long id = db.sql(
                        """
                        INSERT INTO notification (recipient_id, kind, comment_id, article_id, article_headline,
                                                  actor_id, excerpt, created_at, updated_at, mail, link)
                        VALUES (:recipient, :kind, :comment, :article, :headline, :actor, :excerpt, :now, :now, :mail,
                                :link)
                        RETURNING id""")
                .param("recipient", recipientId)
                .param("kind", kind.stored())
                .param("comment", about.commentId())
                .param("article", about.articleId())
                .param("headline", about.articleHeadline())
                .param("actor", actorId)
                .param("excerpt", about.excerpt())
                .param("now", Timestamp.from(now))
                .param("mail", mail.stored())
                .param("link", link)
                .query(Long.class)
                .single();
        linkSource(recipientId, kind, about.commentId(), actorId, id);
        return id;
    }

    /**
     * An article published on a topic or by an author the recipient follows. It is about no comment,
     * and keyed to the reader and the article.
     *
     * @return false if the reader was told of this article before
     */
    boolean insertPublished(
            long recipientId, About about, Notification.Followed followed, String link, MailState mail, Instant now) {
        return db.sql(
                                """
                        INSERT INTO notification (recipient_id, kind, comment_id, article_id, article_headline,
                                                  actor_id, excerpt, created_at, updated_at, mail,
                                                  followed_kind, followed_name, link)
                        VALUES (:recipient, 'followed_published', 0, :article, :headline, 0, :excerpt, :now, :now,
                                :mail, :followedKind, :followedName, :link)
                        ON CONFLICT (recipient_id, article_id) WHERE kind = 'followed_published' DO NOTHING""")
                        .param("recipient", recipientId)
                        .param("article", about.articleId())
                        .param("headline", about.articleHeadline())
                        .param("excerpt", about.excerpt())
                        .param("now", Timestamp.from(now))
                        .param("mail", mail.stored())
                        .param("followedKind", followed.author() ? "author" : "topic")
                        .param("followedName", followed.name())
                        .param("link", link)
                        .update()
                == 1;
    }

    /**
     * Records that the article's followers are being told, the first time only.
     *
     * @return false if they were told before: it is a republication, an update, or the same event again
     */
    boolean announce(long articleId, Instant now) {
        return db.sql(
                                """
                        INSERT INTO notification_article (article_id, announced_at) VALUES (:article, :now)
                        ON CONFLICT DO NOTHING""")
                        .param("article", articleId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /**
     * Adds an actor to the recipient's unread batch of this kind (one per article for comments by
     * followed readers, one per comment for recommendations), starting a new batch if none is unread.
     * The batch moves to the top of the list and counts each actor once.
     */
    long addToBatch(long recipientId, NotificationKind kind, About about, long actorId, Instant now) {
        return addToBatch(recipientId, kind, about, actorId, MailState.NONE, now);
    }

    /**
     * As {@link #addToBatch(long, NotificationKind, About, long, Instant)}, and the batch waits for the
     * mail named (unless that is none): a batch already mailed is mailed again with what is new in it.
     */
    long addToBatch(long recipientId, NotificationKind kind, About about, long actorId, MailState mail, Instant now) {
        return addAllToBatches(Map.of(recipientId, mail), kind, about, actorId, now)
                .get(recipientId);
    }

    /**
     * As {@link #addToBatch(long, NotificationKind, About, long, MailState, Instant)} for many recipients,
     * each with the mail their batch waits for, in three statements whatever their number.
     *
     * @return each recipient's batch notification
     */
    Map<Long, Long> addAllToBatches(
            Map<Long, MailState> recipients, NotificationKind kind, About about, long actorId, Instant now) {
        if (recipients.isEmpty()) {
            return Map.of();
        }
        String batch =
                switch (kind) {
                    case FOLLOWED_POSTED -> "(recipient_id, article_id) WHERE kind = 'followed_posted'";
                    case RECOMMENDED -> "(recipient_id, comment_id) WHERE kind = 'recommended'";
                    default -> throw new IllegalArgumentException(kind + " notifications are not batched");
                };
        // In the order of the recipients, as every listener locks them, so that two never wait on each other.
        Long[] ids = recipients.keySet().stream().sorted().toArray(Long[]::new);
        String[] mails =
                Arrays.stream(ids).map(id -> recipients.get(id).stored()).toArray(String[]::new);
        Map<Long, Long> notificationIds = new HashMap<>();
        List<Long> added = new ArrayList<>();
        db.sql(
                        """
                        INSERT INTO notification (recipient_id, kind, comment_id, article_id, article_headline,
                                                  actor_id, excerpt, created_at, updated_at, mail)
                        SELECT r.id, :kind, :comment, :article, :headline, :actor, :excerpt, :now, :now, r.mail
                        FROM unnest(CAST(:ids AS bigint[]), CAST(:mails AS text[])) AS r(id, mail) ORDER BY r.id
                        ON CONFLICT %s AND read_at IS NULL DO UPDATE
                        SET comment_id = excluded.comment_id, article_headline = excluded.article_headline,
                            actor_id = excluded.actor_id, excerpt = excluded.excerpt,
                            updated_at = greatest(notification.updated_at, excluded.updated_at),
                            mail = CASE WHEN excluded.mail = 'none' THEN notification.mail ELSE excluded.mail END
                        RETURNING recipient_id, id, xmax = 0 AS inserted"""
                                .formatted(batch))
                .param("ids", ids)
                .param("mails", mails)
                .param("kind", kind.stored())
                .param("comment", about.commentId())
                .param("article", about.articleId())
                .param("headline", about.articleHeadline())
                .param("actor", actorId)
                .param("excerpt", about.excerpt())
                .param("now", Timestamp.from(now))
                .query((rs, n) -> {
                    notificationIds.put(rs.getLong("recipient_id"), rs.getLong("id"));
                    if (!rs.getBoolean("inserted")) {
                        added.add(rs.getLong("id"));
                    }
                    return rs.getLong("id");
                })
                .list();
        Long[] recipientsInOrder = notificationIds.keySet().stream().sorted().toArray(Long[]::new);
        Long[] notificationsInOrder =
                Arrays.stream(recipientsInOrder).map(notificationIds::get).toArray(Long[]::new);
        db.sql(
                        """
                        UPDATE notification_source s SET notification_id = n.id
                        FROM unnest(CAST(:recipients AS bigint[]), CAST(:notifications AS bigint[])) AS n(recipient, id)
                        WHERE s.recipient_id = n.recipient AND s.kind = :kind AND s.comment_id = :comment
                          AND s.actor_id = :actor""")
                .param("recipients", recipientsInOrder)
                .param("notifications", notificationsInOrder)
                .param("kind", kind.stored())
                .param("comment", about.commentId())
                .param("actor", actorId)
                .update();
        // A new batch counts its one actor; one that grew counts this actor if none of its earlier sources
        // was theirs. Counting them all again would read a busy conversation's whole history each time.
        if (!added.isEmpty()) {
            db.sql(
                            """
                            UPDATE notification n SET actor_count = n.actor_count + 1
                            WHERE n.id = ANY (CAST(:ids AS bigint[]))
                              AND NOT EXISTS (SELECT 1 FROM notification_source s
                                              WHERE s.notification_id = n.id AND s.actor_id = :actor
                                                AND s.comment_id <> :comment)""")
                    .param("ids", added.stream().sorted().toArray(Long[]::new))
                    .param("actor", actorId)
                    .param("comment", about.commentId())
                    .update();
        }
        return notificationIds;
    }

    /**
     * Brings each follower's one unread notification of the conversation up to date with a round of its
     * comments (starting one for a follower who has none unread), each with the mail it waits for, in
     * two statements whatever their number. It leads to the latest comment it gathers, named after
     * its author, and counts every commenter once ({@code notification_actor}) up to
     * {@value #COUNTED_COMMENTERS}; a round that another node told of older comments at the same time leaves
     * it on the latest.
     */
    void gatherConversation(
            long articleId, String headline, Collection<Gathered> rounds, Map<Long, MailState> mails, Instant now) {
        List<Gathered> inOrder = rounds.stream()
                .sorted(Comparator.comparingLong(Gathered::recipientId))
                .toList();
        Map<Long, Long> notificationIds = new HashMap<>();
        Set<Long> started = new HashSet<>();
        db.sql(
                        """
                        INSERT INTO notification (recipient_id, kind, comment_id, article_id, article_headline,
                                                  actor_id, excerpt, created_at, updated_at, mail)
                        SELECT r.id, 'conversation', r.comment, :article, :headline, r.actor, r.excerpt, :now, :now,
                               r.mail
                        FROM unnest(CAST(:ids AS bigint[]), CAST(:comments AS bigint[]), CAST(:actors AS bigint[]),
                                    CAST(:excerpts AS text[]), CAST(:mails AS text[]))
                             AS r(id, comment, actor, excerpt, mail)
                        ORDER BY r.id
                        ON CONFLICT (recipient_id, article_id) WHERE kind = 'conversation' AND read_at IS NULL
                        DO UPDATE SET
                            comment_id = greatest(notification.comment_id, excluded.comment_id),
                            actor_id = CASE WHEN excluded.comment_id > notification.comment_id
                                            THEN excluded.actor_id ELSE notification.actor_id END,
                            excerpt = CASE WHEN excluded.comment_id > notification.comment_id
                                           THEN excluded.excerpt ELSE notification.excerpt END,
                            article_headline = excluded.article_headline,
                            updated_at = greatest(notification.updated_at, excluded.updated_at),
                            mail = CASE WHEN excluded.mail = 'none' THEN notification.mail ELSE excluded.mail END
                        RETURNING recipient_id, id, xmax = 0 AS inserted, actor_count""")
                .param("ids", inOrder.stream().map(Gathered::recipientId).toArray(Long[]::new))
                .param("comments", inOrder.stream().map(Gathered::commentId).toArray(Long[]::new))
                .param("actors", inOrder.stream().map(Gathered::actorId).toArray(Long[]::new))
                .param("excerpts", inOrder.stream().map(Gathered::excerpt).toArray(String[]::new))
                .param(
                        "mails",
                        inOrder.stream()
                                .map(round -> mails.getOrDefault(round.recipientId(), MailState.NONE)
                                        .stored())
                                .toArray(String[]::new))
                .param("article", articleId)
                .param("headline", headline)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> {
                    if (rs.getInt("actor_count") < COUNTED_COMMENTERS || rs.getBoolean("inserted")) {
                        notificationIds.put(rs.getLong("recipient_id"), rs.getLong("id"));
                    }
                    if (rs.getBoolean("inserted")) {
                        started.add(rs.getLong("id"));
                    }
                    return null;
                })
                .list();
        List<Long> pairNotifications = new ArrayList<>();
        List<Long> pairActors = new ArrayList<>();
        for (Gathered round : inOrder) {
            Long notification = notificationIds.get(round.recipientId());
            if (notification != null) {
                round.commenters().stream().sorted().forEach(actor -> {
                    pairNotifications.add(notification);
                    pairActors.add(actor);
                });
            }
        }
        if (pairNotifications.isEmpty()) {
            return;
        }
        // A new notification counts its commenters; one that grew adds those who are new to it.
        db.sql(
                        """
                        WITH added AS (
                            INSERT INTO notification_actor (notification_id, actor_id)
                            SELECT * FROM unnest(CAST(:notifications AS bigint[]), CAST(:actors AS bigint[]))
                            ON CONFLICT DO NOTHING
                            RETURNING notification_id),
                        counted AS (SELECT notification_id, count(*)::int AS n FROM added GROUP BY notification_id)
                        UPDATE notification SET actor_count = least(:most,
                            CASE WHEN notification.id = ANY (CAST(:started AS bigint[]))
                                 THEN counted.n ELSE actor_count + counted.n END)
                        FROM counted WHERE notification.id = counted.notification_id""")
                .param("notifications", pairNotifications.toArray(Long[]::new))
                .param("actors", pairActors.toArray(Long[]::new))
                .param("started", started.toArray(Long[]::new))
                .param("most", COUNTED_COMMENTERS)
                .update();
    }

    private void linkSource(long recipientId, NotificationKind kind, long commentId, long actorId, long id) {
        db.sql(
                        """
                        UPDATE notification_source SET notification_id = :id
                        WHERE recipient_id = :recipient AND kind = :kind AND comment_id = :comment AND actor_id = :actor""")
                .param("id", id)
                .param("recipient", recipientId)
                .param("kind", kind.stored())
                .param("comment", commentId)
                .param("actor", actorId)
                .update();
    }

    /** Each recipient's unread count, in one query; those with none are absent. */
    Map<Long, Integer> unreadCounts(Collection<Long> recipientIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!recipientIds.isEmpty()) {
            db.sql(
                            """
                            SELECT recipient_id, count(*)::int FROM notification
                            WHERE recipient_id = ANY (CAST(:recipients AS bigint[])) AND read_at IS NULL
                            GROUP BY recipient_id""")
                    .param("recipients", recipientIds.toArray(Long[]::new))
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                    .list()
                    .forEach(count -> counts.put(count.getKey(), count.getValue()));
        }
        return counts;
    }

    int unreadCount(long recipientId) {
        return db.sql("SELECT count(*) FROM notification WHERE recipient_id = :recipient AND read_at IS NULL")
                .param("recipient", recipientId)
                .query(Integer.class)
                .single();
    }

    /** The recipient's notifications, newest (or latest changed) first, after the cursor if given. */
    List<Notification> page(long recipientId, Optional<Cursor> after, int limit) {
        Cursor from = after.orElse(new Cursor(Instant.parse("9999-01-01T00:00:00Z"), Long.MAX_VALUE));
        return db.sql(
                        SELECT
                                + """
                        WHERE recipient_id = :recipient AND (updated_at, id) < (:updatedAt, :id)
                        ORDER BY updated_at DESC, id DESC LIMIT :limit""")
                .param("recipient", recipientId)
                .param("updatedAt", Timestamp.from(from.updatedAt()))
                .param("id", from.id())
                .param("limit", limit)
                .query((rs, n) -> notification(rs))
                .list();
    }

    Optional<Notification> find(long recipientId, long id) {
        return db.sql(SELECT + "WHERE recipient_id = :recipient AND id = :id")
                .param("recipient", recipientId)
                .param("id", id)
                .query((rs, n) -> notification(rs))
                .optional();
    }

    /** @return whether it was unread */
    boolean markRead(long recipientId, long id, Instant now) {
        return db.sql(
                                "UPDATE notification SET read_at = :now WHERE recipient_id = :recipient AND id = :id AND read_at IS NULL")
                        .param("now", Timestamp.from(now))
                        .param("recipient", recipientId)
                        .param("id", id)
                        .update()
                == 1;
    }

    int markAllRead(long recipientId, Instant now) {
        return db.sql("UPDATE notification SET read_at = :now WHERE recipient_id = :recipient AND read_at IS NULL")
                .param("now", Timestamp.from(now))
                .param("recipient", recipientId)
                .update();
    }

    /** The replies and mentions waiting for the recipient's digest, oldest first. */
    List<Notification> waitingForDigest(long recipientId) {
        return db.sql(SELECT + "WHERE recipient_id = :recipient AND mail = 'digest' ORDER BY id")
                .param("recipient", recipientId)
                .query((rs, n) -> notification(rs))
                .list();
    }

    /** The notifications waiting for the recipient's batch mail, oldest first. */
    List<Notification> waitingForBatch(long recipientId) {
        return db.sql(SELECT + "WHERE recipient_id = :recipient AND mail = 'batch' ORDER BY id")
                .param("recipient", recipientId)
                .query((rs, n) -> notification(rs))
                .list();
    }

    void markBatched(long recipientId, List<Long> ids) {
        db.sql(
                        "UPDATE notification SET mail = 'sent' WHERE recipient_id = :recipient AND mail = 'batch' AND id = ANY (:ids)")
                .param("recipient", recipientId)
                .param("ids", ids.toArray(Long[]::new))
                .update();
    }

    void markDigested(long recipientId, long upToId) {
        db.sql(
                        "UPDATE notification SET mail = 'digested' WHERE recipient_id = :recipient AND mail = 'digest' AND id <= :upTo")
                .param("recipient", recipientId)
                .param("upTo", upToId)
                .update();
    }

    /** Nothing waits for a digest that will not come, once the reader chose otherwise. */
    void cancelDigest(long recipientId) {
        db.sql("UPDATE notification SET mail = 'none' WHERE recipient_id = :recipient AND mail = 'digest'")
                .param("recipient", recipientId)
                .update();
    }

    /** What waited for a batch mail waits for the digest instead, or for nothing (mail off). */
    void moveBatchTo(long recipientId, MailState mail) {
        db.sql("UPDATE notification SET mail = :mail WHERE recipient_id = :recipient AND mail = 'batch'")
                .param("mail", mail.stored())
                .param("recipient", recipientId)
                .update();
    }

    void deleteAllOf(long recipientId) {
        db.sql("DELETE FROM notification_batch WHERE account_id = :recipient")
                .param("recipient", recipientId)
                .update();
        db.sql("DELETE FROM notification_source WHERE recipient_id = :recipient")
                .param("recipient", recipientId)
                .update();
        db.sql("DELETE FROM notification WHERE recipient_id = :recipient")
                .param("recipient", recipientId)
                .update();
    }

    private static Notification notification(ResultSet rs) throws SQLException {
        return new Notification(
                rs.getLong("id"),
                rs.getLong("recipient_id"),
                NotificationKind.ofStored(rs.getString("kind")),
                rs.getLong("comment_id"),
                rs.getLong("article_id"),
                rs.getString("article_headline"),
                rs.getLong("actor_id"),
                rs.getInt("actor_count"),
                rs.getString("excerpt"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                Sql.instant(rs, "read_at"),
                rs.getString("followed_kind") == null
                        ? null
                        : new Notification.Followed(
                                rs.getString("followed_kind").equals("author"), rs.getString("followed_name")),
                rs.getString("link"));
    }
}
