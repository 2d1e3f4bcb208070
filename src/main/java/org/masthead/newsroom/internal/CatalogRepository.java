package org.masthead.newsroom.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.ImageRef;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sections, authors and tags: the small, slowly changing things articles hang from. */
@Repository
public class CatalogRepository {

    /**
     * Whether the author {@code a} has a published article: a subquery that stops at the first one. Written
     * as {@code EXISTS}, the planner joined every article of each author to find it, and over 100,000
     * articles the list of published authors took 40 ms, longer than the search page that shows it.
     */
    private static final String HAS_PUBLISHED_WORK =
            """
            (SELECT true FROM article_author aa JOIN article ar ON ar.id = aa.article_id
             WHERE aa.author_id = a.id AND ar.status = 'PUBLISHED' LIMIT 1)""";

    private final JdbcClient db;
    private final ImageRepository images;

    CatalogRepository(JdbcClient db, ImageRepository images) {
        this.db = db;
        this.images = images;
    }

    public List<Section> allSections() {
        return db.sql(
                        "SELECT id, parent_id, slug, path, name, description, position FROM section ORDER BY position, name")
                .query((rs, n) -> new Section(
                        rs.getLong("id"),
                        rs.getObject("parent_id", Long.class),
                        rs.getString("slug"),
                        rs.getString("path"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getInt("position")))
                .list();
    }

    public long insertSection(
            @Nullable Long parentId, String slug, String path, String name, String description, int position) {
        return db.sql(
                        """
                        INSERT INTO section (parent_id, slug, path, name, description, position)
                        VALUES (:parent, :slug, :path, :name, :description, :position) RETURNING id""")
                .param("parent", parentId)
                .param("slug", slug)
                .param("path", path)
                .param("name", name)
                .param("description", description)
                .param("position", position)
                .query(Long.class)
                .single();
    }

    public Optional<Section> sectionById(long id) {
        return db.sql("SELECT id, parent_id, slug, path, name, description, position FROM section WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Section(
                        rs.getLong("id"),
                        rs.getObject("parent_id", Long.class),
                        rs.getString("slug"),
                        rs.getString("path"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getInt("position")))
                .optional();
    }

    /** Changes what a section is called and where it stands in the menu; its address stays. */
    public boolean updateSection(long id, String name, String description, int position) {
        return db.sql(
                                "UPDATE section SET name = :name, description = :description, position = :position WHERE id = :id")
                        .param("id", id)
                        .param("name", name)
                        .param("description", description)
                        .param("position", position)
                        .update()
                == 1;
    }

    /** How many published articles are filed in each section (itself, not its sub-sections); none are left out. */
    public Map<Long, Long> publishedCountsBySection() {
        return db
                .sql("SELECT section_id, count(*) AS n FROM article WHERE status = 'PUBLISHED' GROUP BY section_id")
                .query((rs, n) -> Map.entry(rs.getLong("section_id"), rs.getLong("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public long insertAuthor(String slug, String name, String jobTitle, String bio, @Nullable Long photoId) {
        return db.sql(
                        """
                        INSERT INTO author (slug, name, job_title, bio, photo_id)
                        VALUES (:slug, :name, :jobTitle, :bio, :photo) RETURNING id""")
                .param("slug", slug)
                .param("name", name)
                .param("jobTitle", jobTitle)
                .param("bio", bio)
                .param("photo", photoId)
                .query(Long.class)
                .single();
    }

    /** Changes what an author's profile says; the slug stays, so their address never changes. */
    public boolean updateAuthor(long id, String name, String jobTitle, String bio, @Nullable Long photoId) {
        return db.sql(
                                """
                        UPDATE author SET name = :name, job_title = :jobTitle, bio = :bio, photo_id = :photo
                        WHERE id = :id""")
                        .param("id", id)
                        .param("name", name)
                        .param("jobTitle", jobTitle)
                        .param("bio", bio)
                        .param("photo", photoId)
                        .update()
                == 1;
    }

    public long insertTag(String slug, String name, String description) {
        return db.sql("INSERT INTO tag (slug, name, description) VALUES (:slug, :name, :description) RETURNING id")
                .param("slug", slug)
                .param("name", name)
                .param("description", description)
                .query(Long.class)
                .single();
    }

    public Optional<Author> authorBySlug(String slug) {
        return authorsWhere("a.slug = :key", slug).stream().findFirst();
    }

    /** The author with this slug, if they have at least one published article. */
    public Optional<Author> publishedAuthorBySlug(String slug) {
        return authorsWhere("a.slug = :key AND " + HAS_PUBLISHED_WORK, slug).stream()
                .findFirst();
    }

    public Optional<Author> authorById(long id) {
        return authorsWhere("a.id = :key", id).stream().findFirst();
    }

    /** The authors of an article, in byline order. */
    public List<Author> authorsOf(long articleId) {
        return authorsWhere(
                "a.id IN (SELECT author_id FROM article_author WHERE article_id = :key)"
                        + " ORDER BY (SELECT position FROM article_author WHERE article_id = :key AND author_id = a.id)",
                articleId);
    }

    private List<Author> authorsWhere(String condition, Object key) {
        record Row(long id, String slug, String name, String jobTitle, String bio, @Nullable Long photoId) {}
        List<Row> rows = db.sql(
                        "SELECT a.id, a.slug, a.name, a.job_title, a.bio, a.photo_id FROM author a WHERE " + condition)
                .param("key", key)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("name"),
                        rs.getString("job_title"),
                        rs.getString("bio"),
                        rs.getObject("photo_id", Long.class)))
                .list();
        // Their photos in one query, not one each: the search form lists every author on every search.
        Map<Long, ImageRef> photos = images.findAll(
                rows.stream().map(Row::photoId).filter(Objects::nonNull).collect(Collectors.toSet()));
        return rows.stream()
                .map(r -> new Author(
                        r.id(),
                        r.slug(),
                        r.name(),
                        r.jobTitle(),
                        r.bio(),
                        r.photoId() == null ? null : photos.get(r.photoId())))
                .toList();
    }

    public Optional<Tag> tagBySlug(String slug) {
        return db.sql("SELECT id, slug, name, description FROM tag WHERE slug = :slug")
                .param("slug", slug)
                .query(Tag.class)
                .optional();
    }

    public Optional<Long> tagIdBySlug(String slug) {
        return db.sql("SELECT id FROM tag WHERE slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .optional();
    }

    public Optional<Long> authorIdBySlug(String slug) {
        return db.sql("SELECT id FROM author WHERE slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .optional();
    }

    /** The tags of an article, in the order the editor gave them. */
    public List<Tag> tagsOf(long articleId) {
        return db.sql(
                        """
                        SELECT t.id, t.slug, t.name, t.description FROM tag t
                        JOIN article_tag at ON at.tag_id = t.id
                        WHERE at.article_id = :article ORDER BY at.position""")
                .param("article", articleId)
                .query(Tag.class)
                .list();
    }

    public List<Tag> allTags() {
        return db.sql("SELECT id, slug, name, description FROM tag ORDER BY name")
                .query(Tag.class)
                .list();
    }

    public List<Author> allAuthors() {
        return authorsWhere("true ORDER BY a.name", true);
    }

    /** Those with at least one published article, by name. */
    public List<Author> publishedAuthors() {
        return authorsWhere(HAS_PUBLISHED_WORK + " ORDER BY a.name", true);
    }
}
