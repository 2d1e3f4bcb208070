package org.masthead.moderation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.PublicReader;
import org.masthead.discussion.MutedReaders;
import org.masthead.platform.ConflictException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers muting readers, up to {@link #MOST} each: the muted reader's comments are collapsed for the
 * reader who muted them, and for nobody else. Muting changes nothing for the muted reader, who is not
 * told.
 */
@Service
public class Mutes implements MutedReaders {

    public static final int MOST = 200;

    private final JdbcClient db;
    private final Accounts accounts;
    private final Clock clock;

    Mutes(JdbcClient db, Accounts accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> mutedBy(long readerId) {
        return db.sql("SELECT muted_id FROM moderation_mute WHERE reader_id = :reader ORDER BY muted_at DESC")
                .param("reader", readerId)
                .query(Long.class)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> whoMuted(long mutedId, Collection<Long> readerIds) {
        if (readerIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.sql(
                        "SELECT reader_id FROM moderation_mute WHERE muted_id = :muted AND reader_id = ANY(CAST(:readers AS bigint[]))")
                .param("muted", mutedId)
                .param("readers", readerIds.stream().distinct().toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    @Transactional
    public void mute(long readerId, long mutedId) {
        if (readerId == mutedId) {
            throw new RejectedException("Nobody was muted", "reader", "You cannot mute yourself.");
        }
        PublicReader target = accounts.publicReaders(Set.of(mutedId)).get(mutedId);
        if (target == null || target.deleted()) {
            // A former reader's comments are by nobody in particular: there is no one to mute.
            throw new NotFoundException("There is no such reader.");
        }
        // Two requests of the same reader at once wait for each other here, so both cannot pass the bound.
        db.sql("SELECT pg_advisory_xact_lock(:reader)")
                .param("reader", readerId)
                .query()
                .singleRow();
        int muted = db.sql("SELECT count(*) FROM moderation_mute WHERE reader_id = :reader")
                .param("reader", readerId)
                .query(Integer.class)
                .single();
        if (muted >= MOST) {
            throw new ConflictException(
                    "You have muted " + MOST + " readers, the most we keep. Unmute someone first, in your settings.");
        }
        db.sql(
                        """
                        INSERT INTO moderation_mute (reader_id, muted_id, muted_at) VALUES (:reader, :muted, :at)
                        ON CONFLICT DO NOTHING""")
                .param("reader", readerId)
                .param("muted", mutedId)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    @Transactional
    public void unmute(long readerId, long mutedId) {
        db.sql("DELETE FROM moderation_mute WHERE reader_id = :reader AND muted_id = :muted")
                .param("reader", readerId)
                .param("muted", mutedId)
                .update();
    }
}
