package org.masthead.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Conversions between JDBC and our types where a column may be NULL: JDBC hands such values back as
 * null objects (or, for numbers, as zero with a flag), and each needs the same care.
 */
public final class Sql {

    private Sql() {}

    /** The instant as a query parameter; null stays null (SQL NULL). */
    public static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** The instant in this column, or null where it is NULL. */
    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The instant in this column (counted from 1), or null where it is NULL. */
    public static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The number in this column, or null where it is NULL (where {@code getLong} would say 0). */
    public static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
