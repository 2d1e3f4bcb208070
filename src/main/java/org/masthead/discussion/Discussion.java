package org.masthead.discussion;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of the discussion. */
@Service
public class Discussion {

    private final JdbcClient db;

    Discussion(JdbcClient db) {
        this.db = db;
    }

    /** The readers who follow this one, to tell them when they post. */
    @Transactional(readOnly = true)
    public List<Long> followersOf(long accountId) {
        return db.sql("SELECT follower_id FROM reader_follow WHERE followed_id = :id ORDER BY follower_id")
                .param("id", accountId)
                .query(Long.class)
                .list();
    }
}
