package org.masthead.discussion.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Comments and their counters, in SQL. */
@Repository
class CommentRepository {

    /** One comment as stored. */
    record CommentRow(
            long id,
            long articleId,
            long authorId,
            @Nullable Long parentId,
            @Nullable Long inReplyToId,
            String body,
            String status,
            int recommendations,
            int replyCount,
            Instant postedAt,
            @Nullable Instant editedAt) {

        boolean published() {
            return status.equals(PUBLISHED);
        }

        boolean topLevel() {
            return parentId == null;
        }

        /** The top-level comment of its thread. */
        long threadId() {
            return parentId == null ? id : parentId;
        }
    }

    static final String PUBLISHED = "published";
    static final String PENDING = "pending";
    static final String REJECTED = "rejected";
    static final String DELETED = "deleted";

    /**
     * What a conversation shows: published comments, and the others (deleted, held or rejected) as
     * tombstones while published replies depend on them.
     */
    static final String SHOWN = "(c.status = 'published' OR c.reply_count > 0)";

    /** The columns {@link #toRow} reads, of the comment aliased {@code c}. */
    static final String COLUMNS =
            """
            c.id, c.article_id, c.author_id, c.parent_id, c.in_reply_to_id, c.body, c.status, c.recommendations,
            c.reply_count, c.posted_at, c.edited_at""";

    private final JdbcClient db;

    CommentRepository(JdbcClient db) {
        this.db = db;
    }

    /**
     * Stores a comment, published or held for a moderator, unless the author already used this key;
     * then empty.
     */
    Optional<Long> insert(
            long articleId,
            long authorId,
            @Nullable Long parentId,
            @Nullable Long inReplyToId,
            String body,
            String status,
            UUID idempotencyKey,
            Instant now) {
        return db.sql(
                        """
                        INSERT INTO comment (article_id, author_id, parent_id, in_reply_to_id, body, status, posted_at,
                                             idempotency_key)
                        VALUES (:article, :author, :parent, :inReplyTo, :body, :status, :now, :key)
                        ON CONFLICT (author_id, idempotency_key) DO NOTHING
                        RETURNING id""")
                .param("article", articleId)
                .param("author", authorId)
                .param("parent", parentId)
                .param("inReplyTo", inReplyToId)
                .param("body", body)
                .param("status", status)
                .param("now", Timestamp.from(now))
                .param("key", idempotencyKey)
                .query(Long.class)
                .optional();
    }

    Optional<CommentRow> byIdempotencyKey(long authorId, UUID key) {
        return db.sql("SELECT " + COLUMNS + " FROM comment c WHERE c.author_id = :author AND c.idempotency_key = :key")
                .param("author", authorId)
                .param("key", key)
                .query(CommentRepository::toRow)
                .optional();
    }

    Optional<CommentRow> byId(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM comment c WHERE c.id = :id")
                .param("id", id)
                .query(CommentRepository::toRow)
                .optional();
    }

    /** The comment, locked until the transaction ends: counters and status change together. */
    Optional<CommentRow> lock(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM comment c WHERE c.id = :id FOR UPDATE")
                .param("id", id)
                .query(CommentRepository::toRow)
                .optional();
    }

    List<CommentRow> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("SELECT " + COLUMNS + " FROM comment c WHERE c.id IN (:ids) AND " + SHOWN)
                .param("ids", ids)
                .query(CommentRepository::toRow)
                .list();
    }

    /** Who wrote each of these comments, whatever became of them. */
    Map<Long, Long> authorsOf(Collection<Long> ids) {
        Map<Long, Long> authors = new HashMap<>();
        if (ids.isEmpty()) {
            return authors;
        }
        db.sql("SELECT id, author_id FROM comment WHERE id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .forEach(entry -> authors.put(entry.getKey(), entry.getValue()));
        return authors;
    }

    void changeBody(long id, String body, Instant now) {
        db.sql("UPDATE comment SET body = :body, edited_at = :now WHERE id = :id")
                .param("id", id)
                .param("body", body)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Sets the comment's status if it is still the expected one; false if someone changed it first. */
    boolean changeStatus(long id, String from, String to) {
        return db.sql("UPDATE comment SET status = :to WHERE id = :id AND status = :from")
                        .param("id", id)
                        .param("from", from)
                        .param("to", to)
                        .update()
                == 1;
    }

    /** What a moderator told the author about this comment, shown to them only. */
    void noteModeration(long id, @Nullable String note) {
        db.sql("UPDATE comment SET moderation_note = :note WHERE id = :id")
                .param("id", id)
                .param("note", note)
                .update();
    }

    /** The reader's own comments under the article that wait for a moderator or were removed by one. */
    List<Moderated> moderatedUnder(long authorId, long articleId) {
        return db.sql(
                        """
                        SELECT id, body, status, coalesce(moderation_note, '') AS note, in_reply_to_id FROM comment
                        WHERE author_id = :author AND article_id = :article AND status IN ('pending', 'rejected')
                        ORDER BY id""")
                .param("author", authorId)
                .param("article", articleId)
                .query((rs, n) -> new Moderated(
                        rs.getLong("id"),
                        rs.getString("body"),
                        rs.getString("status"),
                        rs.getString("note"),
                        rs.getObject("in_reply_to_id", Long.class)))
                .list();
    }

    /** A comment of the reader's own that a moderator has, or has yet to, decide on. */
    record Moderated(long id, String body, String status, String note, @Nullable Long inReplyToId) {}

    /** How many published comments the author has, counting no further than {@code atMost}. */
    int publishedCount(long authorId, int atMost) {
        return db.sql(
                        """
                        SELECT count(*) FROM (SELECT 1 FROM comment
                        WHERE author_id = :author AND status = 'published' LIMIT :limit) c""")
                .param("author", authorId)
                .param("limit", atMost)
                .query(Integer.class)
                .single();
    }

    void changeStatus(long id, String status) {
        db.sql("UPDATE comment SET status = :status WHERE id = :id")
                .param("id", id)
                .param("status", status)
                .update();
    }

    void adjustReplyCount(long id, int delta) {
        db.sql("UPDATE comment SET reply_count = reply_count + :delta WHERE id = :id")
                .param("id", id)
                .param("delta", delta)
                .update();
    }

    void adjustRecommendations(long id, int delta) {
        db.sql("UPDATE comment SET recommendations = recommendations + :delta WHERE id = :id")
                .param("id", id)
                .param("delta", delta)
                .update();
    }

    /**
     * A page of top-level comments in one order, starting after (or, going back, before) a position.
     *
     * @param from where the page starts, or null for the start
     * @param inclusive whether the comment at {@code from} is on the page
     * @param backwards whether to read back from {@code from} (the page before it), returned in order
     */
    List<CommentRow> topLevel(
            long articleId, Sort sort, @Nullable Cursor from, boolean inclusive, boolean backwards, int limit) {
        String where = from == null ? "" : " AND " + sort.after(backwards, inclusive);
        String order = backwards ? sort.reversed() : sort.order();
        var query = db.sql("SELECT " + COLUMNS + " FROM comment c WHERE c.article_id = :article AND c.parent_id IS NULL"
                        + " AND " + SHOWN + where + " ORDER BY " + order + " LIMIT :limit")
                .param("article", articleId)
                .param("limit", limit);
        if (from != null) {
            query = query.param("key", from.sqlKey(sort)).param("id", from.id());
        }
        List<CommentRow> rows =
                new ArrayList<>(query.query(CommentRepository::toRow).list());
        if (backwards) {
            java.util.Collections.reverse(rows);
        }
        return rows;
    }

    /** The first replies of each thread, in the order they were posted, with how many each has. */
    Map<Long, List<CommentRow>> firstReplies(Collection<Long> threadIds, int limit) {
        Map<Long, List<CommentRow>> replies = new HashMap<>();
        if (threadIds.isEmpty()) {
            return replies;
        }
        db.sql(
                        "SELECT " + COLUMNS
                                + """
                         FROM unnest(CAST(:threads AS bigint[])) AS t(id)
                        CROSS JOIN LATERAL (
                            SELECT * FROM comment c WHERE c.parent_id = t.id AND """
                                + SHOWN
                                + """
                             ORDER BY c.posted_at, c.id LIMIT :limit) c
                        ORDER BY c.posted_at, c.id""")
                .param("threads", threadIds.toArray(Long[]::new))
                .param("limit", limit)
                .query(CommentRepository::toRow)
                .list()
                .forEach(row -> replies.computeIfAbsent(row.parentId(), id -> new ArrayList<>())
                        .add(row));
        return replies;
    }

    /** How many replies each thread shows, tombstones included. */
    Map<Long, Integer> shownReplyCounts(Collection<Long> threadIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (threadIds.isEmpty()) {
            return counts;
        }
        db.sql("SELECT c.parent_id, count(*) FROM comment c WHERE c.parent_id IN (:threads) AND " + SHOWN
                        + " GROUP BY c.parent_id")
                .param("threads", threadIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    List<CommentRow> allReplies(long threadId) {
        return db.sql("SELECT " + COLUMNS + " FROM comment c WHERE c.parent_id = :thread AND " + SHOWN
                        + " ORDER BY c.posted_at, c.id")
                .param("thread", threadId)
                .query(CommentRepository::toRow)
                .list();
    }

    /** A reader's published comments and replies, newest first, from before a position. */
    List<CommentRow> byAuthor(long authorId, @Nullable Cursor before, int limit) {
        var query = db.sql(
                        "SELECT " + COLUMNS + " FROM comment c WHERE c.author_id = :author AND c.status = 'published'"
                                + (before == null ? "" : " AND (c.posted_at, c.id) < (:at, :id)")
                                + " ORDER BY c.posted_at DESC, c.id DESC LIMIT :limit")
                .param("author", authorId)
                .param("limit", limit);
        if (before != null) {
            query = query.param("at", Timestamp.from(before.instant())).param("id", before.id());
        }
        return query.query(CommentRepository::toRow).list();
    }

    /** The author's comments and replies that wait for a moderator, newest first. */
    List<CommentRow> waitingBy(long authorId, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM comment c WHERE c.author_id = :author AND c.status = '" + PENDING
                        + "' ORDER BY c.posted_at DESC, c.id DESC LIMIT :limit")
                .param("author", authorId)
                .param("limit", limit)
                .query(CommentRepository::toRow)
                .list();
    }

    Optional<Instant> lastPostedBy(long authorId) {
        return db.sql("SELECT max(posted_at) FROM comment WHERE author_id = :author")
                .param("author", authorId)
                .query((rs, n) -> Optional.ofNullable(Sql.instant(rs, 1)))
                .single();
    }

    /** The reader's own published comments under the article, with when each was posted. */
    List<CommentRow> ownUnder(long authorId, long articleId) {
        return db.sql("SELECT " + COLUMNS
                        + " FROM comment c WHERE c.author_id = :author AND c.article_id = :article"
                        + " AND c.status = 'published' ORDER BY c.id")
                .param("author", authorId)
                .param("article", articleId)
                .query(CommentRepository::toRow)
                .list();
    }

    /** Everything the reader wrote, for their data export. */
    List<CommentRow> allBy(long authorId) {
        return db.sql("SELECT " + COLUMNS + " FROM comment c WHERE c.author_id = :author ORDER BY c.posted_at, c.id")
                .param("author", authorId)
                .query(CommentRepository::toRow)
                .list();
    }

    static CommentRow toRow(ResultSet rs, int n) throws SQLException {
        return new CommentRow(
                rs.getLong("id"),
                rs.getLong("article_id"),
                rs.getLong("author_id"),
                rs.getObject("parent_id", Long.class),
                rs.getObject("in_reply_to_id", Long.class),
                rs.getString("body"),
                rs.getString("status"),
                rs.getInt("recommendations"),
                rs.getInt("reply_count"),
                rs.getTimestamp("posted_at").toInstant(),
                Sql.instant(rs, "edited_at"));
    }
}
