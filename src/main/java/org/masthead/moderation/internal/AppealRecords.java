package org.masthead.moderation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Sql;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appealable decisions and their appeals, in SQL (the view {@code moderation_appealable}). */
@Repository
class AppealRecords {

    /** A rejection of a comment, or a sanction. */
    enum About {
        REJECTION,
        SANCTION;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static @Nullable About of(String code) {
            for (About about : values()) {
                if (about.code().equals(code)) {
                    return about;
                }
            }
            return null;
        }
    }

    /**
     * A decision a reader may appeal, as stored.
     *
     * @param subjectId the rejection's id in the audit log, or the sanction's
     * @param kind the sanction's kind; null for a rejection
     * @param reasonCode the rejection's reason; empty for a sanction
     * @param rule the sanction's rule; null for a rejection
     * @param why the moderator's note on a rejection, or what the sanctioned reader did
     * @param decidedBy who decided it; null for the system
     */
    record Row(
            About about,
            long subjectId,
            long readerId,
            @Nullable Long commentId,
            @Nullable String kind,
            String reasonCode,
            @Nullable String rule,
            String why,
            Instant at,
            @Nullable Instant endsAt,
            @Nullable Instant liftedAt,
            @Nullable Long decidedBy,
            Appeals.@Nullable Appeal appeal) {}

    private static final int LIMIT = 50;

    private final JdbcClient db;

    AppealRecords(JdbcClient db) {
        this.db = db;
    }

    List<Row> about(long readerId) {
        return about(readerId, LIMIT);
    }

    /** Every decision on the reader, for their data export. */
    List<Row> allAbout(long readerId) {
        return about(readerId, Integer.MAX_VALUE);
    }

    private List<Row> about(long readerId, int limit) {
        return db.sql("SELECT * FROM moderation_appealable WHERE reader_id = :reader ORDER BY at DESC LIMIT :limit")
                .param("reader", readerId)
                .param("limit", limit)
                .query(AppealRecords::row)
                .list();
    }

    Optional<Row> of(About about, long subjectId) {
        return db.sql("SELECT * FROM moderation_appealable WHERE about = :about AND subject_id = :id")
                .param("about", about.code())
                .param("id", subjectId)
                .query(AppealRecords::row)
                .optional();
    }

    Optional<Row> ofAppeal(long appealId) {
        return db.sql("SELECT * FROM moderation_appealable WHERE appeal_id = :id")
                .param("id", appealId)
                .query(AppealRecords::row)
                .optional();
    }

    /** Appeals waiting for a moderator, oldest first. */
    List<Row> waiting() {
        return db.sql(
                        """
                        SELECT * FROM moderation_appealable WHERE appeal_id IS NOT NULL AND appeal_decided_at IS NULL
                        ORDER BY appealed_at LIMIT :limit""")
                .param("limit", LIMIT)
                .query(AppealRecords::row)
                .list();
    }

    /** @return false when this decision has been appealed already */
    boolean insert(long readerId, About about, long subjectId, String text, Instant at) {
        try {
            db.sql(
                            """
                            INSERT INTO moderation_appeal (account_id, decision_id, sanction_id, text, appealed_at)
                            VALUES (:reader, :decision, :sanction, :text, :at)""")
                    .param("reader", readerId)
                    .param("decision", about == About.REJECTION ? subjectId : null)
                    .param("sanction", about == About.SANCTION ? subjectId : null)
                    .param("text", text)
                    .param("at", Timestamp.from(at))
                    .update();
            return true;
        } catch (DuplicateKeyException appealedAlready) {
            return false;
        }
    }

    /** Decides a waiting appeal; false when another moderator decided it first. */
    boolean claim(long appealId, long moderatorId, String outcome, String answer, Instant at) {
        return db.sql(
                                """
                        UPDATE moderation_appeal SET decided_by = :moderator, decided_at = :at, outcome = :outcome,
                            answer = :answer
                        WHERE id = :id AND decided_at IS NULL""")
                        .param("id", appealId)
                        .param("moderator", moderatorId)
                        .param("at", Timestamp.from(at))
                        .param("outcome", outcome)
                        .param("answer", answer)
                        .update()
                == 1;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long appealId = rs.getLong("appeal_id");
        Appeals.Appeal appeal = rs.wasNull()
                ? null
                : new Appeals.Appeal(
                        appealId,
                        rs.getString("appeal_text"),
                        rs.getTimestamp("appealed_at").toInstant(),
                        rs.getString("outcome"),
                        rs.getString("answer"),
                        Sql.instant(rs, "appeal_decided_at"),
                        rs.getObject("appeal_decided_by", Long.class));
        return new Row(
                java.util.Objects.requireNonNull(About.of(rs.getString("about"))),
                rs.getLong("subject_id"),
                rs.getLong("reader_id"),
                rs.getObject("comment_id", Long.class),
                rs.getString("kind"),
                rs.getString("reason_code"),
                rs.getString("rule"),
                rs.getString("why"),
                rs.getTimestamp("at").toInstant(),
                Sql.instant(rs, "ends_at"),
                Sql.instant(rs, "lifted_at"),
                rs.getObject("decided_by", Long.class),
                appeal);
    }
}
