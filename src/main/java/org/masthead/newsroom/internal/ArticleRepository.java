package org.masthead.newsroom.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.CommentSettings;
import org.masthead.newsroom.ImageRef;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;
import org.masthead.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class ArticleRepository {

    /** Which published articles a list shows; an empty criterion does not narrow it. */
    public record Filter(
            @Nullable Collection<Long> sectionIds,
            @Nullable Long tagId,
            @Nullable Long authorId,
            @Nullable Instant from,
            @Nullable Instant until,
            @Nullable Collection<Long> ids) {

        public static final Filter ALL = new Filter(null, null, null, null, null, null);

        public static Filter inSections(Collection<Long> sectionIds) {
            return new Filter(sectionIds, null, null, null, null, null);
        }

        public static Filter withTag(long tagId) {
            return new Filter(null, tagId, null, null, null, null);
        }

        public static Filter byAuthor(long authorId) {
            return new Filter(null, null, authorId, null, null, null);
        }

        /** Articles first published at or after {@code from} and before {@code until}. */
        public static Filter publishedBetween(Instant from, Instant until) {
            return new Filter(null, null, null, from, until, null);
        }

        /** These articles, those of them that are published. */
        public static Filter withIds(Collection<Long> ids) {
            return new Filter(null, null, null, null, null, ids);
        }

        String where() {
            return where("");
        }

        /** The condition, its parameters named with {@code suffix} so that several can share a query. */
        String where(String suffix) {
            StringBuilder where = new StringBuilder("a.status = 'PUBLISHED'");
            if (sectionIds != null) {
                where.append(" AND a.section_id IN (:sections%s)");
            }
            if (tagId != null) {
                where.append(" AND a.id IN (SELECT article_id FROM article_tag WHERE tag_id = :tag%s)");
            }
            if (authorId != null) {
                where.append(" AND a.id IN (SELECT article_id FROM article_author WHERE author_id = :author%s)");
            }
            if (from != null) {
                where.append(" AND a.published_at >= :from%s");
            }
            if (until != null) {
                where.append(" AND a.published_at < :until%s");
            }
            if (ids != null) {
                where.append(" AND a.id IN (:ids%s)");
            }
            return where.toString().replace("%s", suffix);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return bind(spec, "");
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String suffix) {
            if (sectionIds != null) {
                spec = spec.param("sections" + suffix, sectionIds.isEmpty() ? List.of(-1L) : sectionIds);
            }
            if (tagId != null) {
                spec = spec.param("tag" + suffix, tagId);
            }
            if (authorId != null) {
                spec = spec.param("author" + suffix, authorId);
            }
            if (from != null) {
                spec = spec.param("from" + suffix, Timestamp.from(from));
            }
            if (until != null) {
                spec = spec.param("until" + suffix, Timestamp.from(until));
            }
            if (ids != null) {
                spec = spec.param("ids" + suffix, ids.isEmpty() ? List.of(-1L) : ids);
            }
            return spec;
        }
    }

    /** One article as a page shows it: its columns, with its authors, tags and main image. */
    public record ArticleRow(
            long id,
            long sectionId,
            String slug,
            String headline,
            String standfirst,
            String bodyHtml,
            List<Author> authors,
            List<Tag> tags,
            @Nullable ImageRef mainImage,
            Instant publishedAt,
            @Nullable Instant updatedAt,
            Instant modifiedAt,
            boolean commentsEnabled,
            @Nullable Instant commentsCloseAt,
            String seoTitle,
            String seoDescription) {}

    /**
     * An image's columns as a JSON object whose keys are {@link ImageRef}'s components, for an author's
     * photo; {@code %1$s} is the image table's alias.
     */
    private static final String IMAGE_JSON =
            """
            json_build_object('id', %1$s.id, 'width', %1$s.width, 'height', %1$s.height, 'altText', %1$s.alt_text,
                              'caption', %1$s.caption, 'credit', %1$s.credit, 'focalX', %1$s.focal_x,
                              'focalY', %1$s.focal_y)""";

    /**
     * An article's columns with its authors, tags and main image, all in one statement: a page rendered
     * afresh asked four, and each costs the database more in its round trip than in its reading. The few
     * authors (with their photos) and tags come as JSON.
     */
    private static final String ARTICLE =
            """
            SELECT a.id, a.section_id, a.slug, a.headline, a.standfirst, a.body_html, a.updated_at, a.modified_at,
                   a.comments_enabled, a.comments_close_at, a.seo_title, a.seo_description, %s AS published_at,
                   %s,
                   (SELECT json_agg(json_build_object('id', au.id, 'slug', au.slug, 'name', au.name,
                                                      'jobTitle', au.job_title, 'bio', au.bio,
                                                      'photo', CASE WHEN p.id IS NOT NULL THEN %s END)
                                    ORDER BY aa.position)
                    FROM article_author aa JOIN author au ON au.id = aa.author_id LEFT JOIN image p ON p.id = au.photo_id
                    WHERE aa.article_id = a.id) AS authors,
                   (SELECT json_agg(json_build_object('id', t.id, 'slug', t.slug, 'name', t.name,
                                                      'description', t.description)
                                    ORDER BY at.position)
                    FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = a.id) AS tags
            FROM article a LEFT JOIN image i ON i.id = a.main_image_id
            """;

    private static String article(String publishedAt) {
        return ARTICLE.formatted(publishedAt, ImageRepository.joinedColumns("i", "image_"), IMAGE_JSON.formatted("p"));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Author>> AUTHORS = new TypeReference<>() {};
    private static final TypeReference<List<Tag>> TAGS = new TypeReference<>() {};

    private final JdbcClient db;

    ArticleRepository(JdbcClient db) {
        this.db = db;
    }

    public long insertDraft(
            long sectionId,
            String slug,
            String headline,
            String standfirst,
            String bodySource,
            String bodyHtml,
            @Nullable Long mainImageId) {
        return db.sql(
                        """
                        INSERT INTO article (section_id, slug, headline, standfirst, body_source, body_html, main_image_id)
                        VALUES (:section, :slug, :headline, :standfirst, :source, :html, :image) RETURNING id""")
                .param("section", sectionId)
                .param("slug", slug)
                .param("headline", headline)
                .param("standfirst", standfirst)
                .param("source", bodySource)
                .param("html", bodyHtml)
                .param("image", mainImageId)
                .query(Long.class)
                .single();
    }

    public void setAuthors(long articleId, List<Long> authorIds) {
        db.sql("DELETE FROM article_author WHERE article_id = :id")
                .param("id", articleId)
                .update();
        for (int i = 0; i < authorIds.size(); i++) {
            db.sql("INSERT INTO article_author (article_id, author_id, position) VALUES (:article, :author, :position)")
                    .param("article", articleId)
                    .param("author", authorIds.get(i))
                    .param("position", i)
                    .update();
        }
    }

    public void setTags(long articleId, List<Long> tagIds) {
        db.sql("DELETE FROM article_tag WHERE article_id = :id")
                .param("id", articleId)
                .update();
        for (int i = 0; i < tagIds.size(); i++) {
            db.sql("INSERT INTO article_tag (article_id, tag_id, position) VALUES (:article, :tag, :position)")
                    .param("article", articleId)
                    .param("tag", tagIds.get(i))
                    .param("position", i)
                    .update();
        }
    }

    /**
     * An article that shows an image.
     *
     * @param inBody whether its body shows it (else only as its main image)
     */
    public record ImageUse(long articleId, boolean published, boolean inBody, String bodySource) {}

    /** The articles, in any state, that show this image as their main image or in their body. */
    public List<ImageUse> usesOf(long imageId) {
        // The body names the image as the editor inserts it: /media/12, or one of its renditions' addresses.
        String inBody = "/media/" + imageId + "([^0-9]|$)";
        return db.sql(
                        """
                        SELECT id, status = 'PUBLISHED' AS published, body_source ~ :inBody AS in_body, body_source
                        FROM article WHERE main_image_id = :id OR body_source ~ :inBody
                        ORDER BY id""")
                .param("id", imageId)
                .param("inBody", inBody)
                .query((rs, n) -> new ImageUse(
                        rs.getLong("id"),
                        rs.getBoolean("published"),
                        rs.getBoolean("in_body"),
                        rs.getString("body_source")))
                .list();
    }

    /** Replaces the body drawn from the article's Markdown, which stays as it is. */
    public void setBodyHtml(long articleId, String bodyHtml) {
        db.sql("UPDATE article SET body_html = :html WHERE id = :id")
                .param("id", articleId)
                .param("html", bodyHtml)
                .update();
    }

    /** Publishes the article; its first publication time, which fixes its URL, never changes after. */
    public boolean publish(long articleId, Instant at, Instant commentsCloseAt) {
        return db.sql(
                                """
                        UPDATE article SET status = 'PUBLISHED',
                            published_at = coalesce(published_at, CAST(:at AS timestamptz)),
                            updated_at = CASE WHEN published_at IS NULL THEN NULL ELSE CAST(:at AS timestamptz) END,
                            modified_at = CAST(:at AS timestamptz),
                            comments_close_at = coalesce(comments_close_at, CAST(:closeAt AS timestamptz))
                        WHERE id = :id""")
                        .param("id", articleId)
                        .param("at", Timestamp.from(at))
                        .param("closeAt", Timestamp.from(commentsCloseAt))
                        .update()
                == 1;
    }

    public Optional<ArticleRow> publishedBySlug(String slug) {
        return db.sql(article("a.published_at") + "WHERE a.slug = :slug AND a.status = 'PUBLISHED'")
                .param("slug", slug)
                .query(ArticleRepository::toRow)
                .optional();
    }

    public Optional<ArticleRow> publishedById(long id) {
        return db.sql(article("a.published_at") + "WHERE a.id = :id AND a.status = 'PUBLISHED'")
                .param("id", id)
                .query(ArticleRepository::toRow)
                .optional();
    }

    /**
     * The article as it stands, in whatever state: what it would look like published now. A draft has
     * no publication time yet, so it is given {@code now}.
     */
    public Optional<ArticleRow> asItStands(long id, Instant now) {
        return db.sql(article("coalesce(a.published_at, CAST(:now AS timestamptz))") + "WHERE a.id = :id")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query(ArticleRepository::toRow)
                .optional();
    }

    /** An article that was published and is not now, as it stands: what the corrections page still names. */
    public Optional<ArticleRow> withdrawnById(long id) {
        return db.sql(article("a.published_at")
                        + "WHERE a.id = :id AND a.status <> 'PUBLISHED' AND a.published_at IS NOT NULL")
                .param("id", id)
                .query(ArticleRepository::toRow)
                .optional();
    }

    /** An unpublished article that was once published, and what replaces it. */
    public record WithdrawnRow(long id, @Nullable Long replacedBy) {}

    public Optional<WithdrawnRow> withdrawnBySlug(String slug) {
        return db.sql(
                        """
                        SELECT id, replaced_by FROM article
                        WHERE slug = :slug AND status = 'UNPUBLISHED' AND published_at IS NOT NULL""")
                .param("slug", slug)
                .query((rs, n) -> new WithdrawnRow(rs.getLong("id"), rs.getObject("replaced_by", Long.class)))
                .optional();
    }

    public Optional<CommentSettings> commentSettings(long id) {
        return db.sql(
                        """
                        SELECT id, headline, comments_enabled, comments_close_at
                        FROM article WHERE id = :id AND status = 'PUBLISHED'""")
                .param("id", id)
                .query((rs, n) -> new CommentSettings(
                        rs.getLong("id"),
                        rs.getString("headline"),
                        rs.getBoolean("comments_enabled"),
                        Sql.instant(rs, "comments_close_at")))
                .optional();
    }

    /** Opens or closes comments on an article; says whether there was such an article. */
    public boolean changeComments(long articleId, boolean enabled, @Nullable Instant closeAt) {
        return db.sql(
                                """
                        UPDATE article SET comments_enabled = :enabled, comments_close_at = :closeAt
                        WHERE id = :id AND status = 'PUBLISHED'""")
                        .param("id", articleId)
                        .param("enabled", enabled)
                        .param("closeAt", Sql.timestamp(closeAt))
                        .update()
                == 1;
    }

    public Optional<String> currentSlugForFormer(String formerSlug) {
        return db.sql(
                        "SELECT a.slug FROM article_former_slug f JOIN article a ON a.id = f.article_id WHERE f.slug = :slug")
                .param("slug", formerSlug)
                .query(String.class)
                .optional();
    }

    public Optional<Long> idOf(String slug) {
        return db.sql("SELECT id FROM article WHERE slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .optional();
    }

    /** Every published article's id, for modules that keep an index of their own to catch up with. */
    public List<Long> publishedIds() {
        return db.sql("SELECT id FROM article WHERE status = 'PUBLISHED' ORDER BY id")
                .query(Long.class)
                .list();
    }

    /** The published articles that carry the author's byline. */
    public List<Long> publishedIdsBy(long authorId) {
        return db.sql(
                        """
                        SELECT a.id FROM article a JOIN article_author aa ON aa.article_id = a.id
                        WHERE aa.author_id = :author AND a.status = 'PUBLISHED' ORDER BY a.id""")
                .param("author", authorId)
                .query(Long.class)
                .list();
    }

    public List<Long> tagIdsOf(long articleId) {
        return db.sql("SELECT tag_id FROM article_tag WHERE article_id = :id ORDER BY position")
                .param("id", articleId)
                .query(Long.class)
                .list();
    }

    public List<Long> authorIdsOf(long articleId) {
        return db.sql("SELECT author_id FROM article_author WHERE article_id = :id ORDER BY position")
                .param("id", articleId)
                .query(Long.class)
                .list();
    }

    public long sectionIdOf(long articleId) {
        return db.sql("SELECT section_id FROM article WHERE id = :id")
                .param("id", articleId)
                .query(Long.class)
                .single();
    }

    public long count(Filter filter) {
        return filter.bind(db.sql("SELECT count(*) FROM article a WHERE " + filter.where()))
                .query(Long.class)
                .single();
    }

    /** Published articles newest first, as cards. */
    public List<ArticleCard> cards(Filter filter, int limit, long offset, Function<Long, Section> sections) {
        return cards(List.of(filter), limit, offset, sections).getFirst();
    }

    /**
     * For each filter, its published articles newest first, as cards. However many lists a page shows, this
     * is one question, with each card's image and byline in its row: each round trip to the database cost a
     * rendered page more CPU, in the app and in PostgreSQL, than the rows it carried.
     */
    public List<List<ArticleCard>> cards(
            List<Filter> filters, int limit, long offset, Function<Long, Section> sections) {
        if (filters.isEmpty()) {
            return List.of();
        }
        // The limit and offset are written into the statement, not bound: with them bound, PostgreSQL cannot
        // tell how few rows each branch wants, so it plans the statement afresh on every call (about 0.5 ms
        // for the home page's fifteen branches, more than running it); written in, one plan serves them all.
        StringJoiner union = new StringJoiner("\nUNION ALL\n");
        for (int i = 0; i < filters.size(); i++) {
            union.add(
                    """
                    (SELECT %d AS list, a.id, a.section_id, a.slug, a.headline, a.standfirst, a.published_at,
                            a.modified_at, a.main_image_id
                     FROM article a WHERE %s
                     ORDER BY a.published_at DESC, a.id DESC LIMIT %d OFFSET %d)"""
                            .formatted(i, filters.get(i).where("_" + i), limit, offset));
        }
        // Each list is the newest first; the order of a union's branches is not promised without this.
        JdbcClient.StatementSpec query = db.sql(
                """
                SELECT card.*, %s, byline.slugs AS byline_slugs, byline.names AS byline_names
                FROM (%s) AS card
                LEFT JOIN image i ON i.id = card.main_image_id
                LEFT JOIN LATERAL (
                    SELECT array_agg(au.slug ORDER BY aa.position) AS slugs,
                           array_agg(au.name ORDER BY aa.position) AS names
                    FROM article_author aa JOIN author au ON au.id = aa.author_id
                    WHERE aa.article_id = card.id) AS byline ON true
                ORDER BY card.list, card.published_at DESC, card.id DESC"""
                        .formatted(ImageRepository.joinedColumns("i", "image_"), union));
        for (int i = 0; i < filters.size(); i++) {
            query = filters.get(i).bind(query, "_" + i);
        }
        List<List<ArticleCard>> lists = new ArrayList<>(filters.size());
        for (int i = 0; i < filters.size(); i++) {
            lists.add(new ArrayList<>());
        }
        query.query((ResultSet rs) -> {
            lists.get(rs.getInt("list"))
                    .add(new ArticleCard(
                            rs.getLong("id"),
                            rs.getString("slug"),
                            rs.getString("headline"),
                            rs.getString("standfirst"),
                            sections.apply(rs.getLong("section_id")),
                            rs.getTimestamp("published_at").toInstant(),
                            rs.getTimestamp("modified_at").toInstant(),
                            ImageRepository.joined(rs, "image_"),
                            bylines(rs)));
        });
        return lists;
    }

    /** A card's authors in their order, from the two arrays {@link #cards(List, int, long, Function)} reads. */
    private static List<ArticleCard.Byline> bylines(ResultSet rs) throws SQLException {
        Array slugs = rs.getArray("byline_slugs");
        if (slugs == null) {
            return List.of();
        }
        String[] slug = (String[]) slugs.getArray();
        String[] name = (String[]) rs.getArray("byline_names").getArray();
        List<ArticleCard.Byline> bylines = new ArrayList<>(slug.length);
        for (int i = 0; i < slug.length; i++) {
            bylines.add(new ArticleCard.Byline(slug[i], name[i]));
        }
        return List.copyOf(bylines);
    }

    /** The months, in UTC, in which articles were first published, newest first. */
    public List<YearMonth> publicationMonths() {
        return db.sql(
                        """
                        SELECT DISTINCT to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month FROM article
                        WHERE status = 'PUBLISHED' ORDER BY month DESC""")
                .query((rs, n) -> YearMonth.parse(rs.getString("month")))
                .list();
    }

    private static ArticleRow toRow(ResultSet rs, int n) throws SQLException {
        return new ArticleRow(
                rs.getLong("id"),
                rs.getLong("section_id"),
                rs.getString("slug"),
                rs.getString("headline"),
                rs.getString("standfirst"),
                rs.getString("body_html"),
                fromJson(rs.getString("authors"), AUTHORS),
                fromJson(rs.getString("tags"), TAGS),
                ImageRepository.joined(rs, "image_"),
                rs.getTimestamp("published_at").toInstant(),
                Sql.instant(rs, "updated_at"),
                rs.getTimestamp("modified_at").toInstant(),
                rs.getBoolean("comments_enabled"),
                Sql.instant(rs, "comments_close_at"),
                rs.getString("seo_title"),
                rs.getString("seo_description"));
    }

    /** A list the database built with {@code json_agg}, which gives null rather than an empty array. */
    private static <T> List<T> fromJson(@Nullable String json, TypeReference<List<T>> type) {
        return json == null ? List.of() : List.copyOf(JSON.readValue(json, type));
    }
}
