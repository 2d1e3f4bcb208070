package org.masthead.newsroom.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The newsroom's own view of articles, in every state: working copies, revisions, the audit log, the desk's lists. */
@Repository
public class DeskRepository {

    /** The words of an article: what a revision keeps. */
    public record Words(
            String headline, String standfirst, String bodySource, String seoTitle, String seoDescription) {}

    /** Where an article goes and how it behaves, besides its words. */
    public record Settings(
            long sectionId,
            String slug,
            boolean commentsEnabled,
            @Nullable Instant commentsCloseAt,
            boolean premium,
            @Nullable Long mainImageId) {}

    /** An article as the newsroom works on it. */
    public record WorkingCopy(
            long id,
            ArticleState state,
            Words words,
            Settings settings,
            @Nullable Long createdBy,
            int version,
            @Nullable Instant publishedAt,
            @Nullable Instant updatedAt,
            Instant modifiedAt,
            String reviewNote,
            @Nullable Long replacedBy,
            @Nullable Instant scheduledFor) {}

    public record Revision(
            long articleId, int version, @Nullable Long savedBy, Instant savedAt, Words words, String note) {}

    /**
     * @param articleId the article it was done to; null when it was done to a front or a section
     * @param headline the article's headline; empty for a front or a section
     * @param front the front it was done to ({@code Front.key()}); null when it was done to something else
     * @param sectionId the section it was done to (added, changed); null when it was done to something else
     */
    public record AuditEntry(
            long id,
            @Nullable Long articleId,
            String headline,
            @Nullable Long accountId,
            String action,
            String detail,
            Instant at,
            @Nullable String front,
            @Nullable Long sectionId) {}

    /** An article in one of the desk's lists. */
    public record Listed(
            long id,
            String headline,
            ArticleState state,
            long sectionId,
            @Nullable Long createdBy,
            Instant modifiedAt,
            @Nullable Instant publishedAt,
            @Nullable Instant scheduledFor,
            String reviewNote) {}

    /**
     * Which articles a list of the desk shows; an empty criterion does not narrow it.
     *
     * @param createdBy only articles this account filed
     * @param text words the headline contains
     * @param from last changed at or after
     * @param until last changed before
     */
    public record Criteria(
            @Nullable Long createdBy,
            @Nullable ArticleState state,
            @Nullable Long sectionId,
            @Nullable Long authorId,
            @Nullable String text,
            @Nullable Instant from,
            @Nullable Instant until) {}

    private static final String COLUMNS =
            """
            id, status, section_id, slug, headline, standfirst, body_source, seo_title, seo_description, comments_enabled,
            comments_close_at, premium, created_by, version, published_at, updated_at, modified_at, review_note, replaced_by,
            scheduled_for, main_image_id""";

    private final JdbcClient db;

    DeskRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(Words words, String bodyHtml, Settings settings, @Nullable Long createdBy, Instant at) {
        return db.sql(
                        """
                        INSERT INTO article (section_id, slug, headline, standfirst, body_source, body_html, seo_title,
                                             seo_description, comments_enabled, comments_close_at, premium, created_by,
                                             modified_at, created_at, main_image_id)
                        VALUES (:section, :slug, :headline, :standfirst, :source, :html, :seoTitle, :seoDescription,
                                :commentsEnabled, :commentsCloseAt, :premium, :createdBy, :at, :at, :mainImage)
                        RETURNING id""")
                .params(wordParams(words))
                .param("html", bodyHtml)
                .param("section", settings.sectionId())
                .param("slug", settings.slug())
                .param("commentsEnabled", settings.commentsEnabled())
                .param("commentsCloseAt", timestamp(settings.commentsCloseAt()))
                .param("premium", settings.premium())
                .param("createdBy", createdBy)
                .param("at", Timestamp.from(at))
                .param("mainImage", settings.mainImageId())
                .query(Long.class)
                .single();
    }

    public Optional<WorkingCopy> find(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM article WHERE id = :id")
                .param("id", id)
                .query(DeskRepository::toWorkingCopy)
                .optional();
    }

    /** The article, locked until the transaction ends: saves and transitions of one article take turns. */
    public Optional<WorkingCopy> lock(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM article WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(DeskRepository::toWorkingCopy)
                .optional();
    }

    /** Writes a save over the article and moves it to the next version. */
    public void save(long id, Words words, String bodyHtml, Settings settings, int newVersion, Instant at) {
        db.sql(
                        """
                        UPDATE article SET headline = :headline, standfirst = :standfirst, body_source = :source,
                            body_html = :html, seo_title = :seoTitle, seo_description = :seoDescription,
                            section_id = :section, slug = :slug, comments_enabled = :commentsEnabled,
                            comments_close_at = :commentsCloseAt, premium = :premium, version = :version,
                            modified_at = :at, main_image_id = :mainImage
                        WHERE id = :id""")
                .params(wordParams(words))
                .param("html", bodyHtml)
                .param("section", settings.sectionId())
                .param("slug", settings.slug())
                .param("commentsEnabled", settings.commentsEnabled())
                .param("commentsCloseAt", timestamp(settings.commentsCloseAt()))
                .param("premium", settings.premium())
                .param("version", newVersion)
                .param("mainImage", settings.mainImageId())
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public void changeState(long id, ArticleState state, String reviewNote, Instant at) {
        db.sql("UPDATE article SET status = :state, review_note = :note, modified_at = :at WHERE id = :id")
                .param("state", state.name())
                .param("note", reviewNote)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public void scheduleFor(long id, @Nullable Instant at) {
        db.sql("UPDATE article SET scheduled_for = :at WHERE id = :id")
                .param("at", timestamp(at))
                .param("id", id)
                .update();
    }

    public void replaceWith(long id, @Nullable Long replacementId) {
        db.sql("UPDATE article SET replaced_by = :replacement WHERE id = :id")
                .param("replacement", replacementId)
                .param("id", id)
                .update();
    }

    public boolean slugTaken(String slug, long exceptId) {
        return db.sql(
                        """
                        SELECT EXISTS (SELECT 1 FROM article WHERE slug = :slug AND id <> :id)
                            OR EXISTS (SELECT 1 FROM article_former_slug WHERE slug = :slug AND article_id <> :id)""")
                .param("slug", slug)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    public void insertRevision(
            long articleId, int version, @Nullable Long savedBy, Instant at, Words words, String note) {
        db.sql(
                        """
                        INSERT INTO article_revision (article_id, version, saved_by, saved_at, headline, standfirst,
                                                      body_source, seo_title, seo_description, note)
                        VALUES (:article, :version, :savedBy, :at, :headline, :standfirst, :source, :seoTitle,
                                :seoDescription, :note)""")
                .params(wordParams(words))
                .param("article", articleId)
                .param("version", version)
                .param("savedBy", savedBy)
                .param("at", Timestamp.from(at))
                .param("note", note)
                .update();
    }

    /** Newest first. */
    public List<Revision> revisions(long articleId) {
        return db.sql(
                        """
                        SELECT article_id, version, saved_by, saved_at, headline, standfirst, body_source, seo_title,
                               seo_description, note
                        FROM article_revision WHERE article_id = :article ORDER BY version DESC""")
                .param("article", articleId)
                .query(DeskRepository::toRevision)
                .list();
    }

    public Optional<Revision> revision(long articleId, int version) {
        return db.sql(
                        """
                        SELECT article_id, version, saved_by, saved_at, headline, standfirst, body_source, seo_title,
                               seo_description, note
                        FROM article_revision WHERE article_id = :article AND version = :version""")
                .param("article", articleId)
                .param("version", version)
                .query(DeskRepository::toRevision)
                .optional();
    }

    /** Who last did this to the article, as its audit says; null if nobody (or the system) did. */
    public @Nullable Long lastDoneBy(long articleId, String action) {
        return db
                .sql(
                        """
                        SELECT account_id FROM article_audit WHERE article_id = :article AND action = :action
                        ORDER BY at DESC, id DESC LIMIT 1""")
                .param("article", articleId)
                .param("action", action)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("account_id", Long.class)))
                .list()
                .stream()
                .findFirst()
                .flatMap(doneBy -> doneBy)
                .orElse(null);
    }

    /** @return the entry's id */
    public long audit(long articleId, @Nullable Long accountId, String action, String detail, Instant at) {
        return db.sql(
                        """
                        INSERT INTO article_audit (article_id, account_id, action, detail, at)
                        VALUES (:article, :account, :action, :detail, :at) RETURNING id""")
                .param("article", articleId)
                .param("account", accountId)
                .param("action", action)
                .param("detail", detail)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    /** Records what an editor did to a front, in the same log as what is done to articles. */
    public void auditFront(String front, long accountId, String action, String detail, Instant at) {
        db.sql(
                        """
                        INSERT INTO article_audit (front, account_id, action, detail, at)
                        VALUES (:front, :account, :action, :detail, :at)""")
                .param("front", front)
                .param("account", accountId)
                .param("action", action)
                .param("detail", detail)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Records what an editor did to a section, in the same log as what is done to articles and fronts. */
    public void auditSection(long sectionId, long accountId, String action, String detail, Instant at) {
        db.sql(
                        """
                        INSERT INTO article_audit (section_id, account_id, action, detail, at)
                        VALUES (:section, :account, :action, :detail, :at)""")
                .param("section", sectionId)
                .param("account", accountId)
                .param("action", action)
                .param("detail", detail)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Newest first: one article's history, or (with no article) the whole newsroom's, before an entry. */
    public List<AuditEntry> auditLog(@Nullable Long articleId, @Nullable Long beforeId, int limit) {
        StringBuilder where = new StringBuilder("true");
        if (articleId != null) {
            where.append(" AND l.article_id = :article");
        }
        if (beforeId != null) {
            where.append(" AND l.id < :before");
        }
        JdbcClient.StatementSpec spec = db.sql(
                        """
                        SELECT l.id, l.article_id, coalesce(a.headline, '') AS headline, l.account_id, l.action,
                               l.detail, l.at, l.front, l.section_id
                        FROM article_audit l LEFT JOIN article a ON a.id = l.article_id
                        WHERE %s ORDER BY l.id DESC LIMIT :limit"""
                                .formatted(where))
                .param("limit", limit);
        if (articleId != null) {
            spec = spec.param("article", articleId);
        }
        if (beforeId != null) {
            spec = spec.param("before", beforeId);
        }
        return spec.query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getObject("article_id", Long.class),
                        rs.getString("headline"),
                        rs.getObject("account_id", Long.class),
                        rs.getString("action"),
                        rs.getString("detail"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("front"),
                        rs.getObject("section_id", Long.class)))
                .list();
    }

    /**
     * Articles meeting the criteria, most recently changed first; recently published first for published
     * ones, and the next to go out first for scheduled ones.
     */
    public List<Listed> list(Criteria criteria, int limit) {
        List<String> where = new ArrayList<>();
        where.add("true");
        if (criteria.createdBy() != null) {
            where.add("a.created_by = :createdBy");
        }
        if (criteria.state() != null) {
            where.add("a.status = :state");
        }
        if (criteria.sectionId() != null) {
            where.add(
                    "(a.section_id = :section OR a.section_id IN (SELECT id FROM section WHERE parent_id = :section))");
        }
        if (criteria.authorId() != null) {
            where.add("a.id IN (SELECT article_id FROM article_author WHERE author_id = :author)");
        }
        if (criteria.text() != null) {
            where.add("a.headline ILIKE :text ESCAPE '\\'");
        }
        if (criteria.from() != null) {
            where.add("a.modified_at >= :from");
        }
        if (criteria.until() != null) {
            where.add("a.modified_at < :until");
        }
        String order =
                switch (criteria.state()) {
                    case PUBLISHED -> "a.published_at DESC, a.id DESC";
                    case SCHEDULED -> "a.scheduled_for, a.id";
                    case null, default -> "a.modified_at DESC, a.id DESC";
                };
        JdbcClient.StatementSpec spec = db.sql(
                        """
                        SELECT a.id, a.headline, a.status, a.section_id, a.created_by, a.modified_at, a.published_at,
                               a.scheduled_for, a.review_note
                        FROM article a WHERE %s ORDER BY %s LIMIT :limit"""
                                .formatted(String.join(" AND ", where), order))
                .param("limit", limit);
        if (criteria.createdBy() != null) {
            spec = spec.param("createdBy", criteria.createdBy());
        }
        if (criteria.state() != null) {
            spec = spec.param("state", criteria.state().name());
        }
        if (criteria.sectionId() != null) {
            spec = spec.param("section", criteria.sectionId());
        }
        if (criteria.authorId() != null) {
            spec = spec.param("author", criteria.authorId());
        }
        if (criteria.text() != null) {
            spec = spec.param("text", "%" + likeEscaped(criteria.text()) + "%");
        }
        if (criteria.from() != null) {
            spec = spec.param("from", Timestamp.from(criteria.from()));
        }
        if (criteria.until() != null) {
            spec = spec.param("until", Timestamp.from(criteria.until()));
        }
        return spec.query((rs, n) -> new Listed(
                        rs.getLong("id"),
                        rs.getString("headline"),
                        ArticleState.valueOf(rs.getString("status")),
                        rs.getLong("section_id"),
                        rs.getObject("created_by", Long.class),
                        rs.getTimestamp("modified_at").toInstant(),
                        instantOrNull(rs.getTimestamp("published_at")),
                        instantOrNull(rs.getTimestamp("scheduled_for")),
                        rs.getString("review_note")))
                .list();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Map<String, Object> wordParams(Words words) {
        return Map.of(
                "headline", words.headline(),
                "standfirst", words.standfirst(),
                "source", words.bodySource(),
                "seoTitle", words.seoTitle(),
                "seoDescription", words.seoDescription());
    }

    private static WorkingCopy toWorkingCopy(ResultSet rs, int n) throws SQLException {
        return new WorkingCopy(
                rs.getLong("id"),
                ArticleState.valueOf(rs.getString("status")),
                new Words(
                        rs.getString("headline"),
                        rs.getString("standfirst"),
                        rs.getString("body_source"),
                        rs.getString("seo_title"),
                        rs.getString("seo_description")),
                new Settings(
                        rs.getLong("section_id"),
                        rs.getString("slug"),
                        rs.getBoolean("comments_enabled"),
                        instantOrNull(rs.getTimestamp("comments_close_at")),
                        rs.getBoolean("premium"),
                        rs.getObject("main_image_id", Long.class)),
                rs.getObject("created_by", Long.class),
                rs.getInt("version"),
                instantOrNull(rs.getTimestamp("published_at")),
                instantOrNull(rs.getTimestamp("updated_at")),
                rs.getTimestamp("modified_at").toInstant(),
                rs.getString("review_note"),
                rs.getObject("replaced_by", Long.class),
                instantOrNull(rs.getTimestamp("scheduled_for")));
    }

    private static Revision toRevision(ResultSet rs, int n) throws SQLException {
        return new Revision(
                rs.getLong("article_id"),
                rs.getInt("version"),
                rs.getObject("saved_by", Long.class),
                rs.getTimestamp("saved_at").toInstant(),
                new Words(
                        rs.getString("headline"),
                        rs.getString("standfirst"),
                        rs.getString("body_source"),
                        rs.getString("seo_title"),
                        rs.getString("seo_description")),
                rs.getString("note"));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instantOrNull(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
