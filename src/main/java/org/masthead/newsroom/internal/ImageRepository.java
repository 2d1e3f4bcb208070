package org.masthead.newsroom.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.ImageRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ImageRepository {

    private static final String SELECT_IMAGE = "SELECT " + joinedColumns("i", "") + " FROM image i";

    private final JdbcClient db;

    ImageRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(
            int width,
            int height,
            String altText,
            String caption,
            String credit,
            double focalX,
            double focalY,
            @Nullable Long uploadedBy) {
        return db.sql(
                        """
                        INSERT INTO image (content_type, width, height, alt_text, caption, credit, focal_x, focal_y,
                                           uploaded_by)
                        VALUES ('image/jpeg', :width, :height, :alt, :caption, :credit, :focalX, :focalY, :uploadedBy)
                        RETURNING id""")
                .param("width", width)
                .param("height", height)
                .param("alt", altText)
                .param("caption", caption)
                .param("credit", credit)
                .param("focalX", focalX)
                .param("focalY", focalY)
                .param("uploadedBy", uploadedBy)
                .query(Long.class)
                .single();
    }

    /** Changes an image's words; false when there is no such image. */
    public boolean describe(long id, String altText, String caption, String credit) {
        return db.sql("UPDATE image SET alt_text = :alt, caption = :caption, credit = :credit WHERE id = :id")
                        .param("id", id)
                        .param("alt", altText)
                        .param("caption", caption)
                        .param("credit", credit)
                        .update()
                == 1;
    }

    public void delete(long id) {
        db.sql("DELETE FROM image WHERE id = :id").param("id", id).update();
    }

    public Optional<ImageRef> find(long id) {
        return db.sql(SELECT_IMAGE + " WHERE i.id = :id")
                .param("id", id)
                .query((rs, n) -> toRef(rs))
                .optional();
    }

    public Map<Long, ImageRef> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db
                .sql(SELECT_IMAGE + " WHERE i.id = ANY(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> toRef(rs))
                .list()
                .stream()
                .collect(Collectors.toMap(ImageRef::id, Function.identity()));
    }

    /**
     * The newest images first, older than {@code before} when it is given; with words, only those whose alt
     * text, caption or credit has every word (or a word starting with it).
     */
    public List<ImageRef> search(List<String> words, @Nullable Long before, int limit) {
        String where = "WHERE (CAST(:before AS BIGINT) IS NULL OR i.id < :before)";
        if (!words.isEmpty()) {
            where += " AND i.search @@ to_tsquery('simple', :query)";
        }
        String query = words.stream().map(w -> w + ":*").collect(Collectors.joining(" & "));
        return db.sql(SELECT_IMAGE + " " + where + " ORDER BY i.id DESC LIMIT :limit")
                .param("before", before)
                .param("query", query)
                .param("limit", limit)
                .query((rs, n) -> toRef(rs))
                .list();
    }

    /** An image row selected by {@link #SELECT_IMAGE}, read as a joined one with no prefix. */
    private static ImageRef toRef(ResultSet rs) throws SQLException {
        return Objects.requireNonNull(joined(rs, ""), "an image row has an id");
    }

    /**
     * An image's columns for a query that joins it under an alias, each named after the column with
     * {@code prefix} before it; read back with {@link #joined}.
     */
    static String joinedColumns(String alias, String prefix) {
        return Stream.of("id", "width", "height", "alt_text", "caption", "credit", "focal_x", "focal_y")
                .map(column -> alias + "." + column + " AS " + prefix + column)
                .collect(Collectors.joining(", "));
    }

    /** The image joined as {@link #joinedColumns} named it, or null when the row has none. */
    static @Nullable ImageRef joined(ResultSet rs, String prefix) throws SQLException {
        long id = rs.getLong(prefix + "id");
        if (rs.wasNull()) {
            return null;
        }
        return new ImageRef(
                id,
                rs.getInt(prefix + "width"),
                rs.getInt(prefix + "height"),
                rs.getString(prefix + "alt_text"),
                rs.getString(prefix + "caption"),
                rs.getString(prefix + "credit"),
                rs.getDouble(prefix + "focal_x"),
                rs.getDouble(prefix + "focal_y"));
    }
}
