package org.masthead.newsroom.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.masthead.newsroom.ImageRef;
import org.masthead.newsroom.ImageRendition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ImageRepository {

    private static final String SELECT_IMAGE =
            """
            SELECT i.id, i.width, i.height, i.alt_text, i.caption, i.credit,
                   (SELECT string_agg(r.width::text, ',' ORDER BY r.width) FROM image_rendition r WHERE r.image_id = i.id) AS widths
            FROM image i""";

    private final JdbcClient db;

    ImageRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(String contentType, int width, int height, String altText, String caption, String credit) {
        return db.sql(
                        """
                        INSERT INTO image (content_type, width, height, alt_text, caption, credit)
                        VALUES (:type, :width, :height, :alt, :caption, :credit) RETURNING id""")
                .param("type", contentType)
                .param("width", width)
                .param("height", height)
                .param("alt", altText)
                .param("caption", caption)
                .param("credit", credit)
                .query(Long.class)
                .single();
    }

    public void insertRendition(long imageId, int width, int height, String contentType, byte[] bytes) {
        db.sql(
                        """
                        INSERT INTO image_rendition (image_id, width, height, content_type, bytes)
                        VALUES (:image, :width, :height, :type, :bytes)""")
                .param("image", imageId)
                .param("width", width)
                .param("height", height)
                .param("type", contentType)
                .param("bytes", bytes)
                .update();
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
                .sql(SELECT_IMAGE + " WHERE i.id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> toRef(rs))
                .list()
                .stream()
                .collect(Collectors.toMap(ImageRef::id, Function.identity()));
    }

    public Optional<ImageRendition> rendition(long imageId, int width) {
        return db.sql(
                        "SELECT image_id, width, content_type, bytes FROM image_rendition WHERE image_id = :id AND width = :width")
                .param("id", imageId)
                .param("width", width)
                .query((rs, n) -> new ImageRendition(
                        rs.getLong("image_id"), rs.getInt("width"), rs.getString("content_type"), rs.getBytes("bytes")))
                .optional();
    }

    private static ImageRef toRef(java.sql.ResultSet rs) throws java.sql.SQLException {
        String widths = rs.getString("widths");
        List<Integer> renditionWidths = widths == null
                ? List.of()
                : Arrays.stream(widths.split(",")).map(Integer::valueOf).toList();
        return new ImageRef(
                rs.getLong("id"),
                rs.getInt("width"),
                rs.getInt("height"),
                rs.getString("alt_text"),
                rs.getString("caption"),
                rs.getString("credit"),
                renditionWidths);
    }
}
