package org.masthead.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of moderation. */
@Service
public class Moderation {

    private final JdbcClient db;
    private final Clock clock;

    Moderation(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Vouches for a reader: their comments no longer wait for a moderator as a new reader's first ones
     * do (other rules still apply). For readers known already, such as the demo content's.
     *
     * @param by the moderator who vouches, or null for the system
     */
    @Transactional
    public void trust(long accountId, @Nullable Long by) {
        db.sql(
                        """
                        INSERT INTO moderation_trusted_reader (account_id, trusted_by, trusted_at)
                        VALUES (:account, :by, :at) ON CONFLICT DO NOTHING""")
                .param("account", accountId)
                .param("by", by)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** Whether a moderator (or the system) vouched for this reader. */
    @Transactional(readOnly = true)
    public boolean trusted(long accountId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM moderation_trusted_reader WHERE account_id = :account)")
                .param("account", accountId)
                .query(Boolean.class)
                .single();
    }
}
