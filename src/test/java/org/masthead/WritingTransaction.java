package org.masthead;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which transaction last wrote a row ({@code xmin}): two rows with the same one were committed together, so a
 * test can tell that a change was made by the transaction that made another, not after it.
 */
public final class WritingTransaction {

    private WritingTransaction() {}

    /** The transaction that wrote the one row of {@code table} that {@code where} (with its parameters) picks. */
    public static String of(JdbcClient db, String table, String where, Map<String, ?> parameters) {
        return db.sql("SELECT xmin::text FROM " + table + " WHERE " + where)
                .params(parameters)
                .query(String.class)
                .single();
    }
}
