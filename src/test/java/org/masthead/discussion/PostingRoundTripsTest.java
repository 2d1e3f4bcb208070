package org.masthead.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.StatementCount;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * What posting a comment costs the database in transactions: each one a BEGIN and a COMMIT, the COMMIT a round
 * trip of its own, at hundreds of comments a second.
 */
@MastheadTest
@Import(StatementCount.class)
@TestPropertySource(properties = "masthead.moderation.held-first-comments=3")
class PostingRoundTripsTest {

    @Autowired
    StatementCount statements;

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient db;

    @LocalServerPort
    int port;

    long article;
    Participant ann;

    @BeforeEach
    void setUp() {
        article = content.article(content.section("Talk")).published();
        ann = Participant.signIn(port, accounts.create(true));
        // A reader with a history, as most who post are: the new-reader rule counts their published
        // comments, finds enough, and lets the next through.
        for (int i = 0; i < 3; i++) {
            db.sql(
                            """
                            INSERT INTO comment (article_id, author_id, body, status, posted_at, idempotency_key)
                            VALUES (:article, :author, 'Earlier.', 'published', now(), gen_random_uuid())""")
                    .param("article", article)
                    .param("author", ann.id())
                    .update();
        }
        ann.me(article);
    }

    @Test
    void aSignedInReaderIsKnownByTheirSessionWithoutATransaction() {
        int transactions = statements.transactionsDuring(
                () -> assertThat(ann.me(article).get("signedIn").asBoolean()).isTrue());

        // The one the conversation's state is read in; reading the session took one more.
        assertThat(transactions).isEqualTo(1);
    }

    @Test
    void postingACommentTakesTwoTransactionsItsAllowanceAndTheCommentItself() {
        // The reader's first comment makes their allowance's row, as a new reader's does, once.
        assertThat(ann.post(article, "The first.").statusCode()).isEqualTo(201);

        ann.me(article);
        int transactions = statements.transactionsDuring(
                () -> assertThat(ann.postWithTokenInHand(article, "Two transactions and no more.")
                                .statusCode())
                        .isEqualTo(201));

        // Reading the session and screening the comment (the reader's sanctions and published comments, the
        // same text again) take none.
        assertThat(transactions).isEqualTo(2);
    }
}
