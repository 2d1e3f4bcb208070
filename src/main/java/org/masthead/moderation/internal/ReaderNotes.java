package org.masthead.moderation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Moderators' private notes on readers: what the next moderator to meet the reader should know. */
@Repository
public class ReaderNotes {

    public static final int MAX_LENGTH = 1000;
    private static final int SHOWN = 20;

    public record Note(long id, long accountId, long authorId, String text, Instant writtenAt) {}

    private final JdbcClient db;
    private final Clock clock;

    ReaderNotes(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** @param text at most {@link #MAX_LENGTH} characters, checked by the form */
    @Transactional
    public void write(long accountId, long authorId, String text) {
        db.sql(
                        """
                        INSERT INTO moderation_reader_note (account_id, author_id, text, written_at)
                        VALUES (:account, :author, :text, :at)""")
                .param("account", accountId)
                .param("author", authorId)
                .param("text", text)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** The latest notes on each of these readers, newest first. */
    @Transactional(readOnly = true)
    public Map<Long, List<Note>> on(Collection<Long> accountIds) {
        Map<Long, List<Note>> notes = new HashMap<>();
        if (accountIds.isEmpty()) {
            return notes;
        }
        db.sql(
                        """
                        SELECT * FROM (SELECT n.*, row_number() OVER (PARTITION BY account_id ORDER BY written_at DESC)
                                       AS nth FROM moderation_reader_note n WHERE account_id IN (:accounts)) latest
                        WHERE nth <= :shown ORDER BY written_at DESC""")
                .param("accounts", accountIds)
                .param("shown", SHOWN)
                .query((rs, n) -> new Note(
                        rs.getLong("id"),
                        rs.getLong("account_id"),
                        rs.getLong("author_id"),
                        rs.getString("text"),
                        rs.getTimestamp("written_at").toInstant()))
                .list()
                .forEach(note -> notes.computeIfAbsent(note.accountId(), id -> new java.util.ArrayList<>())
                        .add(note));
        return notes;
    }
}
