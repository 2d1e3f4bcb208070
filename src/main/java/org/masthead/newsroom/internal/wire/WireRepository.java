package org.masthead.newsroom.internal.wire;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The wire's tables: stories, their versions, and what was put aside. */
@Repository
public class WireRepository {

    /** A story as the queue lists it. */
    public record Listed(
            long id,
            String agency,
            String headline,
            int version,
            int versionCount,
            @Nullable Integer urgency,
            String format,
            Instant receivedAt,
            @Nullable Long articleId,
            @Nullable Integer draftedVersion) {

        /** Whether the agency has sent a newer version since the draft was made from this story. */
        public boolean newerThanDraft() {
            return draftedVersion != null && version > draftedVersion;
        }
    }

    /** A story with its latest words. */
    public record Item(
            long id,
            String guid,
            String agency,
            String headline,
            String standfirst,
            String body,
            String byline,
            int version,
            @Nullable Integer urgency,
            String format,
            Instant firstReceivedAt,
            Instant receivedAt,
            @Nullable Long articleId,
            @Nullable Integer draftedVersion) {

        /** Whether the agency has sent a newer version since the draft was made from this story. */
        public boolean newerThanDraft() {
            return draftedVersion != null && version > draftedVersion;
        }

        public List<String> paragraphs() {
            return WireRepository.paragraphs(body);
        }
    }

    /** One version of a story as it was received. */
    public record Version(
            long id,
            int version,
            String headline,
            String standfirst,
            String body,
            String byline,
            @Nullable Integer urgency,
            String format,
            String source,
            Instant receivedAt) {

        public List<String> paragraphs() {
            return WireRepository.paragraphs(body);
        }
    }

    /** A file put aside, and why. */
    public record Quarantined(long id, String fileName, String storedAs, String reason, Instant at) {}

    /** The story's row, locked, as an intake judges a new delivery against it. */
    record Current(long id, int version) {}

    private final JdbcClient db;

    WireRepository(JdbcClient db) {
        this.db = db;
    }

    /** A new story; empty when its guid is known already (perhaps just now, on another node). */
    Optional<Long> insertItem(WireStory story, int version, WireFormat format, Instant at) {
        return db.sql(
                        """
                        INSERT INTO wire_item (guid, agency, version, urgency, headline, standfirst, body, byline,
                                               format, first_received_at, received_at)
                        VALUES (:guid, :agency, :version, :urgency, :headline, :standfirst, :body, :byline,
                                :format, :at, :at)
                        ON CONFLICT (guid) DO NOTHING
                        RETURNING id""")
                .param("guid", story.guid())
                .param("agency", story.agency())
                .param("version", version)
                .param("urgency", story.urgency())
                .param("headline", story.headline())
                .param("standfirst", story.standfirst())
                .param("body", story.body())
                .param("byline", story.byline())
                .param("format", format.label())
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .optional();
    }

    Optional<Current> lock(String guid) {
        return db.sql("SELECT id, version FROM wire_item WHERE guid = :guid FOR UPDATE")
                .param("guid", guid)
                .query((rs, n) -> new Current(rs.getLong("id"), rs.getInt("version")))
                .optional();
    }

    int latestVersion(long itemId) {
        return db.sql("SELECT coalesce(max(version), 0) FROM wire_version WHERE item_id = :id")
                .param("id", itemId)
                .query(Integer.class)
                .single();
    }

    /** Keeps a version; false when these very words were received before. */
    boolean insertVersion(long itemId, int version, WireStory story, WireFormat format, String source, Instant at) {
        return db.sql(
                                """
                        INSERT INTO wire_version (item_id, version, content_hash, urgency, headline, standfirst, body,
                                                  byline, format, source, received_at)
                        VALUES (:item, :version, :hash, :urgency, :headline, :standfirst, :body, :byline, :format,
                                :source, :at)
                        ON CONFLICT (item_id, content_hash) DO NOTHING""")
                        .param("item", itemId)
                        .param("version", version)
                        .param("hash", story.contentHash())
                        .param("urgency", story.urgency())
                        .param("headline", story.headline())
                        .param("standfirst", story.standfirst())
                        .param("body", story.body())
                        .param("byline", story.byline())
                        .param("format", format.label())
                        .param("source", source)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
    }

    /** The story's latest words become these; {@code current} says whether they are also its newest. */
    void received(long itemId, int version, WireStory story, WireFormat format, Instant at, boolean current) {
        if (!current) {
            db.sql("UPDATE wire_item SET version_count = version_count + 1 WHERE id = :id")
                    .param("id", itemId)
                    .update();
            return;
        }
        db.sql(
                        """
                        UPDATE wire_item
                        SET agency = :agency, version = :version, urgency = :urgency, headline = :headline,
                            standfirst = :standfirst, body = :body, byline = :byline, format = :format,
                            received_at = :at, version_count = version_count + 1
                        WHERE id = :id""")
                .param("id", itemId)
                .param("agency", story.agency())
                .param("version", version)
                .param("urgency", story.urgency())
                .param("headline", story.headline())
                .param("standfirst", story.standfirst())
                .param("body", story.body())
                .param("byline", story.byline())
                .param("format", format.label())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Newest first; {@code query} in words, as a search box takes them; {@code beforeId} for the next page. */
    List<Listed> list(String query, @Nullable Long beforeId, int limit) {
        return db.sql(
                        """
                        SELECT id, agency, headline, version, version_count, urgency, format, received_at, article_id,
                               drafted_version
                        FROM wire_item
                        WHERE (:query = '' OR search @@ websearch_to_tsquery('simple', :query))
                          AND (CAST(:before AS BIGINT) IS NULL OR (received_at, id) <
                               (SELECT received_at, id FROM wire_item WHERE id = CAST(:before AS BIGINT)))
                        ORDER BY received_at DESC, id DESC
                        LIMIT :limit""")
                .param("query", query)
                .param("before", beforeId)
                .param("limit", limit)
                .query((rs, n) -> new Listed(
                        rs.getLong("id"),
                        rs.getString("agency"),
                        rs.getString("headline"),
                        rs.getInt("version"),
                        rs.getInt("version_count"),
                        urgency(rs),
                        rs.getString("format"),
                        rs.getTimestamp("received_at").toInstant(),
                        Sql.nullableLong(rs, "article_id"),
                        rs.getObject("drafted_version", Integer.class)))
                .list();
    }

    Optional<Item> find(long id, boolean lock) {
        return db.sql(
                        """
                        SELECT id, guid, agency, headline, standfirst, body, byline, version, urgency, format,
                               first_received_at, received_at, article_id, drafted_version
                        FROM wire_item WHERE id = :id"""
                                + (lock ? " FOR UPDATE" : ""))
                .param("id", id)
                .query((rs, n) -> new Item(
                        rs.getLong("id"),
                        rs.getString("guid"),
                        rs.getString("agency"),
                        rs.getString("headline"),
                        rs.getString("standfirst"),
                        rs.getString("body"),
                        rs.getString("byline"),
                        rs.getInt("version"),
                        urgency(rs),
                        rs.getString("format"),
                        rs.getTimestamp("first_received_at").toInstant(),
                        rs.getTimestamp("received_at").toInstant(),
                        Sql.nullableLong(rs, "article_id"),
                        rs.getObject("drafted_version", Integer.class)))
                .optional();
    }

    /** Newest version first. */
    List<Version> versions(long itemId) {
        return db.sql(
                        """
                        SELECT id, version, headline, standfirst, body, byline, urgency, format, source, received_at
                        FROM wire_version WHERE item_id = :id ORDER BY version DESC, id DESC""")
                .param("id", itemId)
                .query((rs, n) -> new Version(
                        rs.getLong("id"),
                        rs.getInt("version"),
                        rs.getString("headline"),
                        rs.getString("standfirst"),
                        rs.getString("body"),
                        rs.getString("byline"),
                        urgency(rs),
                        rs.getString("format"),
                        rs.getString("source"),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    void drafted(long itemId, long articleId, int version) {
        db.sql("UPDATE wire_item SET article_id = :article, drafted_version = :version WHERE id = :id")
                .param("id", itemId)
                .param("article", articleId)
                .param("version", version)
                .update();
    }

    /** The story a draft was made from, if it was. */
    Optional<Listed> madeInto(long articleId) {
        return db.sql(
                        """
                        SELECT id, agency, headline, version, version_count, urgency, format, received_at, article_id,
                               drafted_version
                        FROM wire_item WHERE article_id = :article ORDER BY id LIMIT 1""")
                .param("article", articleId)
                .query((rs, n) -> new Listed(
                        rs.getLong("id"),
                        rs.getString("agency"),
                        rs.getString("headline"),
                        rs.getInt("version"),
                        rs.getInt("version_count"),
                        urgency(rs),
                        rs.getString("format"),
                        rs.getTimestamp("received_at").toInstant(),
                        Sql.nullableLong(rs, "article_id"),
                        rs.getObject("drafted_version", Integer.class)))
                .optional();
    }

    boolean articleExists(long articleId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM article WHERE id = :id)")
                .param("id", articleId)
                .query(Boolean.class)
                .single();
    }

    void quarantined(String fileName, String storedAs, String reason, Instant at) {
        db.sql("INSERT INTO wire_quarantine (file_name, stored_as, reason, at) VALUES (:name, :stored, :reason, :at)")
                .param("name", fileName)
                .param("stored", storedAs)
                .param("reason", reason)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<Quarantined> quarantine(int limit) {
        return db.sql(
                        "SELECT id, file_name, stored_as, reason, at FROM wire_quarantine ORDER BY at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Quarantined(
                        rs.getLong("id"),
                        rs.getString("file_name"),
                        rs.getString("stored_as"),
                        rs.getString("reason"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    static List<String> paragraphs(String body) {
        return body.isEmpty() ? List.of() : List.of(body.split("\n\n"));
    }

    private static @Nullable Integer urgency(ResultSet rs) throws SQLException {
        int urgency = rs.getInt("urgency");
        return rs.wasNull() ? null : urgency;
    }
}
