package org.masthead.discussion.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The readers each comment mentions, and where in its text, in SQL. */
@Repository
class MentionRepository {

    /** An @mention: where in the body it is and whom it names. */
    record Mention(long accountId, int start, int length) {}

    private final JdbcClient db;

    MentionRepository(JdbcClient db) {
        this.db = db;
    }

    void replaceMentions(long commentId, List<Mention> mentions) {
        db.sql("DELETE FROM comment_mention WHERE comment_id = :id")
                .param("id", commentId)
                .update();
        for (Mention mention : mentions) {
            db.sql(
                            """
                            INSERT INTO comment_mention (comment_id, account_id, start, length)
                            VALUES (:id, :account, :start, :length)""")
                    .param("id", commentId)
                    .param("account", mention.accountId())
                    .param("start", mention.start())
                    .param("length", mention.length())
                    .update();
        }
    }

    Map<Long, List<Mention>> mentionsOf(Collection<Long> commentIds) {
        Map<Long, List<Mention>> mentions = new HashMap<>();
        if (commentIds.isEmpty()) {
            return mentions;
        }
        db.sql(
                        """
                        SELECT comment_id, account_id, start, length FROM comment_mention
                        WHERE comment_id IN (:ids) ORDER BY comment_id, start""")
                .param("ids", commentIds)
                .query((rs, n) -> Map.entry(
                        rs.getLong("comment_id"),
                        new Mention(rs.getLong("account_id"), rs.getInt("start"), rs.getInt("length"))))
                .list()
                .forEach(entry -> mentions.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                        .add(entry.getValue()));
        return mentions;
    }
}
