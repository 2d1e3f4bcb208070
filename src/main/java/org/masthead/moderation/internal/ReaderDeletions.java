package org.masthead.moderation.internal;

import org.masthead.accounts.AccountDeleted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A reader deleted their account: moderation forgets them. Their mutes (and others' mutes of them),
 * the moderators' notes about them and any vouching go. What the transparency report counts stays, with
 * no words of or about the reader left in it: their appeals lose their text and the answer to them,
 * their sanctions what they did, and the audit log's rows about their comments, sanctions and appeals
 * the moderators' notes; the screenings of their comments lose the fingerprint of the text that the
 * repeated-text rule compares. Handled once per deletion through the event publication registry, and
 * harmless if handled again.
 */
@Component
class ReaderDeletions {

    private final JdbcClient db;

    ReaderDeletions(JdbcClient db) {
        this.db = db;
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        long reader = deleted.accountId();
        run("DELETE FROM moderation_mute WHERE reader_id = :reader OR muted_id = :reader", reader);
        run("DELETE FROM moderation_reader_note WHERE account_id = :reader", reader);
        run("DELETE FROM moderation_trusted_reader WHERE account_id = :reader", reader);
        run(
                """
                UPDATE moderation_decision SET note = ''
                WHERE note <> ''
                  AND (comment_id IN (SELECT comment_id FROM moderation_screening WHERE author_id = :reader)
                    OR sanction_id IN (SELECT id FROM moderation_sanction WHERE account_id = :reader)
                    OR appeal_id IN (SELECT id FROM moderation_appeal WHERE account_id = :reader))""",
                reader);
        run("UPDATE moderation_appeal SET text = '', answer = '' WHERE account_id = :reader", reader);
        run("UPDATE moderation_sanction SET reason = '' WHERE account_id = :reader", reader);
        run("UPDATE moderation_screening SET text_hash = '\\x'::bytea WHERE author_id = :reader", reader);
    }

    private void run(String sql, long reader) {
        db.sql(sql).param("reader", reader).update();
    }
}
