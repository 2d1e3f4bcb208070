package org.masthead.accounts.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What readers show of themselves: name, bio and picture; and their choice about marketing e-mail. */
@Repository
public class ProfileRepository {

    /** One size of a reader's current picture. */
    public record AvatarImage(long version, Instant updatedAt, byte[] bytes) {}

    /** The current picture: its version names its addresses, so a new one shows at once. */
    public record AvatarVersion(long version, Instant updatedAt) {}

    private final JdbcClient db;

    ProfileRepository(JdbcClient db) {
        this.db = db;
    }

    public Instant profileUpdatedAt(long accountId) {
        return db.sql("SELECT profile_updated_at FROM account WHERE id = :id")
                .param("id", accountId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .single();
    }

    /** Whether a live account other than this one goes by the name, whatever its case. */
    public boolean displayNameTakenByAnother(String displayName, long accountId) {
        return db.sql(
                        """
                        SELECT EXISTS (SELECT 1 FROM account
                                       WHERE lower(display_name) = lower(:name) AND status <> 'DELETED' AND id <> :id)""")
                .param("name", displayName)
                .param("id", accountId)
                .query(Boolean.class)
                .single();
    }

    /** Saves name and bio; says whether either differed from what was stored. */
    public boolean updateProfile(long accountId, String displayName, String bio, Instant now) {
        return db.sql(
                                """
                        UPDATE account SET display_name = :name, bio = :bio, profile_updated_at = :now
                        WHERE id = :id AND (display_name IS DISTINCT FROM :name OR bio IS DISTINCT FROM :bio)""")
                        .param("id", accountId)
                        .param("name", displayName)
                        .param("bio", bio)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    /** Records the choice with its time, but only when it changes: the time says when it was made. */
    public void updateMarketingConsent(long accountId, boolean consent, Instant now) {
        db.sql(
                        """
                        UPDATE account SET marketing_consent = :consent, marketing_consent_at = :now
                        WHERE id = :id AND marketing_consent <> :consent""")
                .param("id", accountId)
                .param("consent", consent)
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<AvatarVersion> avatarVersion(long accountId) {
        return db.sql("SELECT version, updated_at FROM avatar WHERE account_id = :id LIMIT 1")
                .param("id", accountId)
                .query((rs, n) -> new AvatarVersion(
                        rs.getLong("version"), rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    /** One size of the picture of an account that is active: others show no picture. */
    public Optional<AvatarImage> avatar(long accountId, int size) {
        return db.sql(
                        """
                        SELECT v.version, v.updated_at, v.bytes FROM avatar v JOIN account a ON a.id = v.account_id
                        WHERE v.account_id = :id AND v.size = :size AND a.status = 'ACTIVE'""")
                .param("id", accountId)
                .param("size", size)
                .query((rs, n) -> new AvatarImage(
                        rs.getLong("version"), rs.getTimestamp("updated_at").toInstant(), rs.getBytes("bytes")))
                .optional();
    }

    /** Puts the new picture in place of any old one, every size under one new version. */
    public void replaceAvatar(long accountId, Map<Integer, byte[]> renditions, Instant now) {
        db.sql("DELETE FROM avatar WHERE account_id = :id")
                .param("id", accountId)
                .update();
        long version =
                db.sql("SELECT nextval('avatar_version')").query(Long.class).single();
        renditions.forEach((size, bytes) -> db.sql(
                        """
                        INSERT INTO avatar (account_id, size, version, bytes, updated_at)
                        VALUES (:id, :size, :version, :bytes, :now)""")
                .param("id", accountId)
                .param("size", size)
                .param("version", version)
                .param("bytes", bytes)
                .param("now", Timestamp.from(now))
                .update());
        touch(accountId, now);
    }

    /** Says whether there was a picture to remove. */
    public boolean removeAvatar(long accountId, Instant now) {
        boolean removed = db.sql("DELETE FROM avatar WHERE account_id = :id")
                        .param("id", accountId)
                        .update()
                > 0;
        if (removed) {
            touch(accountId, now);
        }
        return removed;
    }

    public List<Integer> avatarSizes(long accountId) {
        return db.sql("SELECT size FROM avatar WHERE account_id = :id ORDER BY size")
                .param("id", accountId)
                .query(Integer.class)
                .list();
    }

    private void touch(long accountId, Instant now) {
        db.sql("UPDATE account SET profile_updated_at = :now WHERE id = :id")
                .param("id", accountId)
                .param("now", Timestamp.from(now))
                .update();
    }
}
