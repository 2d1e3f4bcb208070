package org.masthead.membership.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.newsroom.PublishedContent;
import org.masthead.platform.ConflictException;
import org.masthead.platform.ControlCharacters;
import org.masthead.platform.NotAllowedException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.masthead.platform.Sql;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Premium member's saved articles, the collections they sort them into and their private notes. Only
 * a member may use it, and only their own: another reader's collection is not found. When Premium
 * lapses the entries are kept, unseen and unusable, and come back if the reader subscribes again.
 *
 * <p>Every input is bounded: the list's length, the number of collections, a name's and a note's length,
 * and a search (cut to {@link #MAX_SEARCH} characters).
 */
@Service
public class ReadingList {

    public static final int MAX_ENTRIES = 5_000;
    public static final int MAX_COLLECTIONS = 50;
    public static final int MAX_NAME = 60;
    public static final int MAX_NOTE = 2_000;

    /** What a longer note is told, the number written as the site writes numbers; a constant, for annotations. */
    public static final String NOTE_TOO_LONG = "A note can be up to 2,000 characters long.";

    public static final int MAX_SEARCH = 200;

    /** The name of the whole list, which every saved article is in; not a collection a member can rename. */
    public static final String SAVED = "Saved";

    private final JdbcClient db;
    private final PremiumSubscriptions premium;
    private final PublishedContent content;
    private final ReadingListArticles articles;
    private final Clock clock;

    ReadingList(
            JdbcClient db,
            PremiumSubscriptions premium,
            PublishedContent content,
            ReadingListArticles articles,
            Clock clock) {
        this.db = db;
        this.premium = premium;
        this.content = content;
        this.articles = articles;
        this.clock = clock;
    }

    /**
     * A saved article, with what the list shows of it.
     *
     * @param published false once the newsroom has taken it down (its headline is then as it was, or empty)
     * @param collectionIds the member's collections it is in, besides "Saved"
     */
    public record Entry(
            long articleId,
            Instant savedAt,
            @Nullable Instant readAt,
            @Nullable String note,
            String headline,
            String standfirst,
            Instant publishedAt,
            boolean published,
            List<Long> collectionIds) {}

    /** A member's named list, with how many saved articles are in it. */
    public record Collection(long id, String name, long size) {}

    /** Which order a page of the list is in: newest saved first, or newest published first. */
    public enum Sort {
        SAVED,
        PUBLISHED;

        /** @return the order named (either case), or {@link #SAVED} for anything else */
        public static Sort parse(@Nullable String text) {
            return Arrays.stream(values())
                    .filter(s -> s.name().equalsIgnoreCase(text))
                    .findFirst()
                    .orElse(SAVED);
        }
    }

    /**
     * What a page of the list shows.
     *
     * @param collectionId one of the member's collections, or null for the whole list ("Saved")
     * @param search words in the headline or standfirst, as typed; empty for all
     */
    public record Query(boolean unreadOnly, @Nullable Long collectionId, String search, Sort sort) {

        public static Query all() {
            return new Query(false, null, "", Sort.SAVED);
        }
    }

    /** Where a page of the list starts: after this entry, in the page's order (saved or published time). */
    public record Cursor(Instant at, long articleId) {

        /** @return the cursor written as {@link #toString()} writes it, or empty if it is not one */
        public static Optional<Cursor> parse(@Nullable String text) {
            if (text == null || !text.matches("-?\\d{1,19}_\\d{1,19}")) {
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

        /** The cursor after this entry, in this order. */
        public static Cursor after(Entry entry, Sort sort) {
            return new Cursor(sort == Sort.PUBLISHED ? entry.publishedAt() : entry.savedAt(), entry.articleId());
        }

        @Override
        public String toString() {
            // Microseconds: as precise as the database keeps times, so no entry is skipped or repeated.
            return ChronoUnit.MICROS.between(Instant.EPOCH, at) + "_" + articleId;
        }
    }

    /**
     * @throws NotAllowedException unless the reader has Premium
     * @throws NotFoundException if there is no such published article
     * @throws ConflictException if the list already holds {@link #MAX_ENTRIES} articles
     */
    @Transactional
    public void save(long accountId, long articleId) {
        requirePremium(accountId);
        PublishedArticle article =
                content.article(articleId).orElseThrow(() -> new NotFoundException("There is no such article."));
        if (isSaved(accountId, articleId)) {
            return;
        }
        if (size(accountId) >= MAX_ENTRIES) {
            throw new ConflictException(
                    "Your reading list is full",
                    "Your reading list holds " + MAX_ENTRIES
                            + " articles, as many as it can: remove some to save more.");
        }
        articles.remember(article);
        db.sql(
                        """
                        INSERT INTO reading_list_entry (account_id, article_id, saved_at)
                        VALUES (:account, :article, :now) ON CONFLICT DO NOTHING""")
                .param("account", accountId)
                .param("article", articleId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Takes the article off the list, and so out of every collection. */
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

    /**
     * Sets the member's private note on a saved article; a blank one removes it.
     *
     * @throws RejectedException if the note is longer than {@link #MAX_NOTE} or holds control characters
     * @throws NotFoundException if the article is not on the member's list
     */
    @Transactional
    public void setNote(long accountId, long articleId, @Nullable String note) {
        requirePremium(accountId);
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw new RejectedException("Note too long", "note", NOTE_TOO_LONG);
        }
        if (ControlCharacters.in(text)) {
            throw new RejectedException("Note not accepted", "note", ControlCharacters.REFUSED);
        }
        int changed = db.sql(
                        "UPDATE reading_list_entry SET note = :note WHERE account_id = :account AND article_id = :article")
                .param("note", text.isEmpty() ? null : text)
                .param("account", accountId)
                .param("article", articleId)
                .update();
        if (changed == 0) {
            throw new NotFoundException("That article is not on your reading list.");
        }
    }

    /** The member's collections, by name. */
    public List<Collection> collections(long accountId) {
        requirePremium(accountId);
        return db.sql(
                        """
                        SELECT c.id, c.name, count(ce.article_id) FROM reading_list_collection c
                        LEFT JOIN reading_list_collection_entry ce ON ce.collection_id = c.id
                        WHERE c.account_id = :account GROUP BY c.id, c.name ORDER BY lower(c.name), c.id""")
                .param("account", accountId)
                .query((rs, n) -> new Collection(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** @throws NotFoundException unless it is one of the member's own collections */
    public Collection collection(long accountId, long collectionId) {
        return collections(accountId).stream()
                .filter(c -> c.id() == collectionId)
                .findFirst()
                .orElseThrow(ReadingList::noSuchCollection);
    }

    /**
     * @return the new collection's id
     * @throws RejectedException if the name is empty, too long, holds control characters, or is taken
     * @throws ConflictException if the member already has {@link #MAX_COLLECTIONS} collections
     */
    @Transactional
    public long createCollection(long accountId, String name) {
        requirePremium(accountId);
        String checked = checkedName(name);
        long count = db.sql("SELECT count(*) FROM reading_list_collection WHERE account_id = :account")
                .param("account", accountId)
                .query(Long.class)
                .single();
        if (count >= MAX_COLLECTIONS) {
            throw new ConflictException(
                    "Too many collections",
                    "You can have up to " + MAX_COLLECTIONS + " collections: delete one to make another.");
        }
        refuseTaken(accountId, checked, null);
        try {
            return db.sql(
                            """
                            INSERT INTO reading_list_collection (account_id, name, created_at)
                            VALUES (:account, :name, :now) RETURNING id""")
                    .param("account", accountId)
                    .param("name", checked)
                    .param("now", Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw nameTaken(checked);
        }
    }

    /** @throws NotFoundException unless it is one of the member's own collections */
    @Transactional
    public void renameCollection(long accountId, long collectionId, String name) {
        requirePremium(accountId);
        String checked = checkedName(name);
        refuseTaken(accountId, checked, collectionId);
        int changed;
        try {
            changed = db.sql("UPDATE reading_list_collection SET name = :name WHERE id = :id AND account_id = :account")
                    .param("name", checked)
                    .param("id", collectionId)
                    .param("account", accountId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(checked);
        }
        if (changed == 0) {
            throw noSuchCollection();
        }
    }

    /** Deletes the collection; its articles stay saved. */
    @Transactional
    public void deleteCollection(long accountId, long collectionId) {
        requirePremium(accountId);
        int changed = db.sql("DELETE FROM reading_list_collection WHERE id = :id AND account_id = :account")
                .param("id", collectionId)
                .param("account", accountId)
                .update();
        if (changed == 0) {
            throw noSuchCollection();
        }
    }

    /**
     * Puts a saved article into one of the member's collections (again is fine).
     *
     * @throws NotFoundException unless the collection is the member's and the article is on their list
     */
    @Transactional
    public void addToCollection(long accountId, long articleId, long collectionId) {
        collection(accountId, collectionId);
        if (!isSaved(accountId, articleId)) {
            throw new NotFoundException("That article is not on your reading list.");
        }
        db.sql(
                        """
                        INSERT INTO reading_list_collection_entry (collection_id, account_id, article_id, added_at)
                        VALUES (:collection, :account, :article, :now) ON CONFLICT DO NOTHING""")
                .param("collection", collectionId)
                .param("account", accountId)
                .param("article", articleId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Takes the article out of the collection; it stays saved. */
    @Transactional
    public void removeFromCollection(long accountId, long articleId, long collectionId) {
        collection(accountId, collectionId);
        db.sql(
                        """
                        DELETE FROM reading_list_collection_entry
                        WHERE collection_id = :collection AND account_id = :account AND article_id = :article""")
                .param("collection", collectionId)
                .param("account", accountId)
                .param("article", articleId)
                .update();
    }

    /** Every entry, shown or not, newest first: for the reader's data export. */
    public List<Entry> everything(long accountId) {
        return withCollections(
                accountId,
                db.sql(SELECT + " WHERE e.account_id = :account ORDER BY e.saved_at DESC, e.article_id DESC")
                        .param("account", accountId)
                        .query(ReadingList::entry)
                        .list());
    }

    /** Every collection, shown or not: for the reader's data export. */
    public List<Collection> everyCollection(long accountId) {
        return db.sql(
                        """
                        SELECT c.id, c.name, count(ce.article_id) FROM reading_list_collection c
                        LEFT JOIN reading_list_collection_entry ce ON ce.collection_id = c.id
                        WHERE c.account_id = :account GROUP BY c.id, c.name ORDER BY lower(c.name), c.id""")
                .param("account", accountId)
                .query((rs, n) -> new Collection(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    void forgetAccount(long accountId) {
        db.sql("DELETE FROM reading_list_entry WHERE account_id = :account")
                .param("account", accountId)
                .update();
        db.sql("DELETE FROM reading_list_collection WHERE account_id = :account")
                .param("account", accountId)
                .update();
    }

    /** The member's entry for this article, if it is on their list. */
    public Optional<Entry> entry(long accountId, long articleId) {
        return db.sql(SELECT + " WHERE e.account_id = :account AND e.article_id = :article")
                .param("account", accountId)
                .param("article", articleId)
                .query(ReadingList::entry)
                .optional();
    }

    /**
     * The article that comes after this entry in the query's order, as the list stands now: where the member
     * is taken back to once the entry has left the page they were reading (removed, or read in "unread only").
     */
    public Optional<Long> following(long accountId, Query query, Entry entry) {
        return page(accountId, query, Cursor.after(entry, query.sort()), 1).stream()
                .map(Entry::articleId)
                .findFirst();
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
     * A page of the list in the query's order, starting after the cursor.
     *
     * @throws NotAllowedException unless the reader has Premium
     * @throws NotFoundException if the query names a collection that is not the member's
     */
    public List<Entry> page(long accountId, Query query, @Nullable Cursor after, int size) {
        requirePremium(accountId);
        if (query.collectionId() != null) {
            collection(accountId, query.collectionId());
        }
        String order = query.sort() == Sort.PUBLISHED ? "a.published_at" : "e.saved_at";
        String search = searchable(query.search());
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE e.account_id = :account");
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        if (query.unreadOnly()) {
            sql.append(" AND e.read_at IS NULL");
        }
        if (query.collectionId() != null) {
            sql.append(
                    " AND EXISTS (SELECT 1 FROM reading_list_collection_entry ce WHERE ce.collection_id = :collection"
                            + " AND ce.account_id = e.account_id AND ce.article_id = e.article_id)");
            params.put("collection", query.collectionId());
        }
        if (!search.isEmpty()) {
            sql.append(" AND (a.headline ILIKE :pattern ESCAPE '\\' OR a.standfirst ILIKE :pattern ESCAPE '\\')");
            params.put("pattern", "%" + likeEscaped(search) + "%");
        }
        if (after != null) {
            sql.append(" AND (").append(order).append(", e.article_id) < (:at, :articleId)");
            params.put("at", Timestamp.from(after.at()));
            params.put("articleId", after.articleId());
        }
        sql.append(" ORDER BY ").append(order).append(" DESC, e.article_id DESC LIMIT :size");
        params.put("size", size);
        return withCollections(
                accountId,
                db.sql(sql.toString()).params(params).query(ReadingList::entry).list());
    }

    /** What a search looks for: at most {@link #MAX_SEARCH} characters, without control characters, trimmed. */
    public static String searchable(@Nullable String search) {
        if (search == null) {
            return "";
        }
        String text = search.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .limit(MAX_SEARCH)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return text.strip();
    }

    private static final String SELECT =
            """
            SELECT e.article_id, e.saved_at, e.read_at, e.note, a.headline, a.standfirst, a.published_at, a.published
            FROM reading_list_entry e JOIN reading_list_article a ON a.article_id = e.article_id""";

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(
                rs.getLong(1),
                rs.getTimestamp(2).toInstant(),
                Sql.instant(rs, 3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getBoolean(8),
                List.of());
    }

    /** The collections each entry is in, asked once for the whole page. */
    private List<Entry> withCollections(long accountId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        Map<Long, List<Long>> in = new HashMap<>();
        db.sql(
                        """
                        SELECT ce.article_id, ce.collection_id FROM reading_list_collection_entry ce
                        JOIN reading_list_collection c ON c.id = ce.collection_id
                        WHERE ce.account_id = :account AND ce.article_id IN (:articles) ORDER BY lower(c.name), c.id""")
                .param("account", accountId)
                .param("articles", entries.stream().map(Entry::articleId).toList())
                .query((rs, n) -> in.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getLong(2)))
                .list();
        return entries.stream()
                .map(e -> new Entry(
                        e.articleId(),
                        e.savedAt(),
                        e.readAt(),
                        e.note(),
                        e.headline(),
                        e.standfirst(),
                        e.publishedAt(),
                        e.published(),
                        List.copyOf(in.getOrDefault(e.articleId(), List.of()))))
                .toList();
    }

    private static String checkedName(@Nullable String name) {
        String text = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            throw new RejectedException("Name needed", "name", "Give the collection a name.");
        }
        if (text.length() > MAX_NAME) {
            throw new RejectedException(
                    "Name too long", "name", "A collection's name can be up to " + MAX_NAME + " characters long.");
        }
        if (ControlCharacters.in(text)) {
            throw new RejectedException("Name not accepted", "name", ControlCharacters.REFUSED);
        }
        if (text.toLowerCase(Locale.ROOT).equals(SAVED.toLowerCase(Locale.ROOT))) {
            throw new RejectedException(
                    "Name taken", "name", "“" + SAVED + "” is where every saved article is: choose another name.");
        }
        return text;
    }

    /**
     * Names the member's collection that already has this name, whatever its capitals, before the unique
     * index would: a failed insert ends the transaction, which could then not look it up.
     */
    private void refuseTaken(long accountId, String name, @Nullable Long except) {
        db.sql(
                        """
                        SELECT name FROM reading_list_collection
                        WHERE account_id = :account AND lower(name) = lower(:name) AND id <> :except""")
                .param("account", accountId)
                .param("name", name)
                .param("except", except == null ? -1L : except)
                .query(String.class)
                .optional()
                .ifPresent(existing -> {
                    throw nameTaken(existing);
                });
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** @param name the name of the collection that has it, or what was asked for when two raced */
    private static RejectedException nameTaken(String name) {
        return new RejectedException(
                "Name taken", "name", "You already have a collection called “" + name + "”: choose another name.");
    }

    private static NotFoundException noSuchCollection() {
        return new NotFoundException("You have no such collection.");
    }

    /** @throws NotAllowedException unless the reader has Premium: asked before a form's input is looked at. */
    public void requirePremium(long accountId) {
        if (!premium.isPremium(accountId)) {
            throw new NotAllowedException(
                            "Premium members only", "Subscribe to Premium to save articles to your reading list.")
                    .with("subscribe", "/premium");
        }
    }
}
