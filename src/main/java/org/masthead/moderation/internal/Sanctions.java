package org.masthead.moderation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sanctions on readers, in SQL. */
@Repository
public class Sanctions {

    /** The kinds of sanction, mildest first. */
    public enum Kind {
        WARN,
        PREMODERATE,
        SUSPEND,
        BAN;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A sanction as imposed. */
    public record Sanction(
            long id,
            long accountId,
            Kind kind,
            String rule,
            String reason,
            Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable Long imposedBy,
            @Nullable Instant liftedAt) {}

    private final JdbcClient db;

    Sanctions(JdbcClient db) {
        this.db = db;
    }

    public long impose(
            long accountId,
            Kind kind,
            String rule,
            String reason,
            Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable Long by) {
        return db.sql(
                        """
                        INSERT INTO moderation_sanction (account_id, kind, rule, reason, starts_at, ends_at, imposed_by)
                        VALUES (:account, :kind, :rule, :reason, :starts, :ends, :by) RETURNING id""")
                .param("account", accountId)
                .param("kind", kind.code())
                .param("rule", rule)
                .param("reason", reason)
                .param("starts", Timestamp.from(startsAt))
                .param("ends", Sql.timestamp(endsAt))
                .param("by", by)
                .query(Long.class)
                .single();
    }

    /**
     * Makes whoever sanctions this reader next wait until this transaction ends, so that two moderators
     * at once cannot both impose what the other's sanction makes redundant.
     */
    void lockReader(long accountId) {
        db.sql("SELECT pg_advisory_xact_lock(hashtext('sanctions:' || :account))")
                .param("account", accountId)
                .query()
                .singleRow();
    }

    /** The sanction, whether or not it is in force. */
    public java.util.Optional<Sanction> find(long sanctionId) {
        return db.sql("SELECT * FROM moderation_sanction WHERE id = :id")
                .param("id", sanctionId)
                .query(Sanctions::sanction)
                .optional();
    }

    /** @return false when it was lifted already */
    public boolean lift(long sanctionId, Instant at) {
        return db.sql("UPDATE moderation_sanction SET lifted_at = :at WHERE id = :id AND lifted_at IS NULL")
                        .param("id", sanctionId)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** The reader's sanctions in force at that moment, the severest first. */
    public List<Sanction> inForce(long accountId, Instant at) {
        return db.sql(
                        """
                        SELECT * FROM moderation_sanction
                        WHERE account_id = :account AND starts_at <= :at AND (ends_at IS NULL OR ends_at > :at)
                          AND lifted_at IS NULL
                        ORDER BY CASE kind WHEN 'ban' THEN 0 WHEN 'suspend' THEN 1 WHEN 'premoderate' THEN 2 ELSE 3 END,
                                 ends_at DESC NULLS FIRST""")
                .param("account", accountId)
                .param("at", Timestamp.from(at))
                .query(Sanctions::sanction)
                .list();
    }

    private static Sanction sanction(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Sanction(
                rs.getLong("id"),
                rs.getLong("account_id"),
                Kind.of(rs.getString("kind")),
                rs.getString("rule"),
                rs.getString("reason"),
                rs.getTimestamp("starts_at").toInstant(),
                Sql.instant(rs, "ends_at"),
                rs.getObject("imposed_by", Long.class),
                Sql.instant(rs, "lifted_at"));
    }
}
