package org.masthead.discussion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An article's comment count is right at once, and stays right as its changes are folded into its counter. */
@MastheadTest
class ThreadCountsTest {

    @Autowired
    ThreadCounts counts;

    @Autowired
    Comments comments;

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient db;

    @Test
    void countsAreExactBeforeAndAfterTheirChangesAreFoldedIn() {
        long busy = content.article(content.section("Counted")).published();
        long quiet = content.article(content.section("Counted")).published();
        long untouched = content.article(content.section("Counted")).published();
        long reader = accounts.create(true).id();
        long first = post(reader, busy, "First");
        post(reader, busy, "Second");
        long third = post(reader, busy, "Third");
        comments.delete(reader, first);
        post(reader, quiet, "Only one here");

        assertThat(counts.of(List.of(busy, quiet, untouched))).isEqualTo(Map.of(busy, 2, quiet, 1));

        foldEverything(busy, quiet);
        assertThat(counts.of(List.of(busy, quiet, untouched))).isEqualTo(Map.of(busy, 2, quiet, 1));

        comments.delete(reader, third);
        assertThat(counts.of(busy))
                .as("a withdrawal counted against a folded counter")
                .isEqualTo(1);
        foldEverything(busy);
        assertThat(counts.of(busy)).isEqualTo(1);
        assertThat(db.sql("SELECT comment_count FROM comment_thread WHERE article_id = :a")
                        .param("a", busy)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private long post(long reader, long article, String text) {
        return comments.post(reader, article, text, null, UUID.randomUUID()).commentId();
    }

    /** Folds until none of these articles' changes is left; this node's worker may be folding some of them. */
    private void foldEverything(long... articles) {
        int left;
        do {
            counts.fold();
            left = 0;
            for (long article : articles) {
                left += pendingChanges(article);
            }
        } while (left > 0);
    }

    private int pendingChanges(long article) {
        return db.sql("SELECT count(*) FROM comment_count_change WHERE article_id = :a")
                .param("a", article)
                .query(Integer.class)
                .single();
    }
}
