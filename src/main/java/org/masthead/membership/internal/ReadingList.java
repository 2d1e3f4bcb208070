package org.masthead.membership.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.PublishedContent;
import org.masthead.platform.NotAllowedException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Premium member's saved articles. Only a member may use it; when Premium lapses the entries are
 * kept, unseen and unusable, and come back if the reader subscribes again.
 */
@Service
public class ReadingList {

    private final JdbcClient db;
    private final PremiumSubscriptions premium;
    private final PublishedContent content;
    private final Clock clock;

    ReadingList(JdbcClient db, PremiumSubscriptions premium, PublishedContent content, Clock clock) {
        this.db = db;
        this.premium = premium;
        this.content = content;
        this.clock = clock;
    }

    /** A saved article. */
    public record Entry(long articleId, Instant savedAt, @Nullable Instant readAt) {}

    /** Where a page of the list starts: after this entry, in newest-first order. */
    public record Cursor(Instant savedAt, long articleId) {

        /** @return the cursor written as {@link #toString()} writes it, or empty if it is not one */
        public static Optional<Cursor> parse(@Nullable String text) {
            if (text == null || !text.matches("\\d{1,19}_\\d{1,19}")) {
                return Optional.empty();
            }
            String[] parts = text.split("_");
            try {
                return Optional.of(new Cursor(
                        Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS), Long.parseLong(parts[1])));
            } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            // Microseconds: as precise as the database keeps saved_at, so no entry is skipped or repeated.
            return ChronoUnit.MICROS.between(Instant.EPOCH, savedAt) + "_" + articleId;
        }
    }

    /**
     * @throws NotAllowedException unless the reader has Premium
     * @throws NotFoundException if there is no such published article
     */
    @Transactional
    public void save(long accountId, long articleId) {
        requirePremium(accountId);
        if (content.article(articleId).isEmpty()) {
            throw new NotFoundException("There is no such article.");
        }
        db.sql(
                        """
                        INSERT INTO reading_list_entry (account_id, article_id, saved_at)
                        VALUES (:account, :article, :now) ON CONFLICT DO NOTHING""")
                .param("account", accountId)
                .param("article", articleId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** @throws NotAllowedException unless the reader has Premium */
    @Transactional
    public void remove(long accountId, long articleId) {
        requirePremium(accountId);
        db.sql("DELETE FROM reading_list_entry WHERE account_id = :account AND article_id = :article")
                .param("account", accountId)
                .param("article", articleId)
                .update();
    }

    /** @throws NotAllowedException unless the reader has Premium */
    @Transactional
    public void markRead(long accountId, long articleId, boolean read) {
        requirePremium(accountId);
        db.sql("UPDATE reading_list_entry SET read_at = :at WHERE account_id = :account AND article_id = :article")
                .param("at", read ? Timestamp.from(clock.instant()) : null)
                .param("account", accountId)
                .param("article", articleId)
                .update();
    }

    /** Every entry, shown or not, newest first: for the reader's data export. */
    public List<Entry> everything(long accountId) {
        return db.sql("SELECT article_id, saved_at, read_at FROM reading_list_entry WHERE account_id = :account"
                        + " ORDER BY saved_at DESC, article_id DESC")
                .param("account", accountId)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), Sql.instant(rs, 3)))
                .list();
    }

    void forgetAccount(long accountId) {
        db.sql("DELETE FROM reading_list_entry WHERE account_id = :account")
                .param("account", accountId)
                .update();
    }

    public boolean isSaved(long accountId, long articleId) {
        return db.sql("SELECT count(*) FROM reading_list_entry WHERE account_id = :account AND article_id = :article")
                        .param("account", accountId)
                        .param("article", articleId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** How many articles the reader has kept, shown or not. */
    public long size(long accountId) {
        return db.sql("SELECT count(*) FROM reading_list_entry WHERE account_id = :account")
                .param("account", accountId)
                .query(Long.class)
                .single();
    }

    /**
     * A page of the list, newest first, starting after the cursor.
     *
     * @throws NotAllowedException unless the reader has Premium
     */
    public List<Entry> page(long accountId, boolean unreadOnly, @Nullable Cursor after, int size) {
        requirePremium(accountId);
        String sql = "SELECT article_id, saved_at, read_at FROM reading_list_entry WHERE account_id = :account"
                + (unreadOnly ? " AND read_at IS NULL" : "")
                + (after == null ? "" : " AND (saved_at, article_id) < (:savedAt, :articleId)")
                + " ORDER BY saved_at DESC, article_id DESC LIMIT :size";
        JdbcClient.StatementSpec query = db.sql(sql).param("account", accountId).param("size", size);
        if (after != null) {
            query = query.param("savedAt", Timestamp.from(after.savedAt())).param("articleId", after.articleId());
        }
        return query.query(
                        (rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), Sql.instant(rs, 3)))
                .list();
    }

    private void requirePremium(long accountId) {
        if (!premium.isPremium(accountId)) {
            throw new NotAllowedException(
                            "Premium members only", "Subscribe to Premium to bookmark articles in your reading list.")
                    .with("subscribe", "/premium");
        }
    }
}
