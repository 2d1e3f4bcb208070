package org.masthead.moderation.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.PersonalDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What moderation holds about a reader, in their "download my data" file: whom they muted, and every
 * decision on them (rejections of their comments and sanctions) with its statement of reasons and their
 * appeal. Who decided is left out: that is the moderators' data. The moderators' private notes on the
 * reader are not in it (see docs/moderation.md).
 */
@Component
class ModerationPersonalData implements PersonalDataContributor {

    record Muted(long readerId, Instant mutedAt) {}

    /**
     * A decision on the reader, as its statement of reasons tells it.
     *
     * @param about {@code rejection} or {@code sanction}
     */
    record DecisionData(
            String about,
            long id,
            Instant at,
            String decision,
            String until,
            String rule,
            String reason,
            String textConcerned,
            @Nullable AppealData appeal) {}

    record AppealData(
            String text, Instant appealedAt, @Nullable String outcome, String answer, @Nullable Instant decidedAt) {}

    private final JdbcClient db;
    private final Appeals appeals;

    ModerationPersonalData(JdbcClient db, Appeals appeals) {
        this.db = db;
        this.appeals = appeals;
    }

    @Override
    public String section() {
        return "moderation";
    }

    @Override
    @Transactional(readOnly = true)
    public Object dataFor(long accountId) {
        List<Muted> muted = db.sql(
                        "SELECT muted_id, muted_at FROM moderation_mute WHERE reader_id = :reader ORDER BY muted_at")
                .param("reader", accountId)
                .query((rs, n) -> new Muted(
                        rs.getLong("muted_id"), rs.getTimestamp("muted_at").toInstant()))
                .list();
        List<DecisionData> decisions = appeals.allAbout(accountId).stream()
                .map(decided -> new DecisionData(
                        decided.about(),
                        decided.id(),
                        decided.at(),
                        decided.statement().what(),
                        decided.statement().until(),
                        decided.statement().rule(),
                        decided.statement().reason(),
                        decided.statement().text(),
                        decided.appeal() == null
                                ? null
                                : new AppealData(
                                        decided.appeal().text(),
                                        decided.appeal().appealedAt(),
                                        decided.appeal().outcome(),
                                        decided.appeal().answer(),
                                        decided.appeal().decidedAt())))
                .toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("muted", muted);
        data.put("decisionsAboutYou", decisions);
        return data;
    }
}
