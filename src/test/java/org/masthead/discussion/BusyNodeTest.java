package org.masthead.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.HeldTransaction;
import org.masthead.MastheadTest;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node working on as many requests as it takes at once: the next one waits its turn, and one that
 * waits too long is refused with 503 and changes nothing. Here the node takes one request at a time.
 */
@MastheadTest
@TestPropertySource(properties = {"masthead.concurrency.requests=1", "masthead.concurrency.request-wait=500ms"})
class BusyNodeTest {

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient db;

    @Autowired
    TransactionTemplate transactions;

    /** Both the lock and Ann's post wait; the common pool may have a single thread. */
    final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopBackground() {
        background.close();
    }

    @Test
    void aRequestThatWaitsTooLongForItsTurnIsRefusedWith503AndChangesNothing() throws Exception {
        long article = content.article(content.section("Busy")).published();
        Participant ann = Participant.signIn(port, accounts.create(true));
        Participant bob = Participant.signIn(port, accounts.create(true));
        ann.posted(article, "Before the rush");
        long bobs = bob.posted(article, "Also before the rush");

        // Ann's reply takes the node's one turn and holds it: the comment she answers is locked.
        HeldTransaction lock = HeldTransaction.hold(
                transactions, background, () -> db.sql("SELECT 1 FROM comment WHERE id = :id FOR UPDATE")
                        .param("id", bobs)
                        .query(Integer.class)
                        .single());
        CompletableFuture<HttpResponse<String>> annPosting =
                CompletableFuture.supplyAsync(() -> ann.postWithTokenInHand(article, bobs, "In the rush"), background);
        awaitAPostWaitingForTheLock(annPosting);

        HttpResponse<String> refused = bob.postWithTokenInHand(article, "Also in the rush");
        HttpResponse<String> refusedPage = bob.web.get("/notifications");

        lock.commit();
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("Please try again in a moment.");
        assertThat(refusedPage.statusCode()).isEqualTo(503);
        assertThat(refusedPage.body()).contains("we are very busy just now").doesNotContain("We have been told");
        assertThat(annPosting.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        assertThat(bodies(article)).containsExactly("Before the rush", "Also before the rush", "In the rush");

        assertThat(bob.postWithTokenInHand(article, "After the rush").statusCode())
                .as("the node takes requests again once its turn is free")
                .isEqualTo(201);
    }

    private java.util.List<String> bodies(long article) {
        return db.sql("SELECT body FROM comment WHERE article_id = :a ORDER BY id")
                .param("a", article)
                .query(String.class)
                .list();
    }

    private void awaitAPostWaitingForTheLock(CompletableFuture<HttpResponse<String>> posting)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && !posting.isDone()) {
            boolean waiting = db.sql("SELECT count(*) > 0 FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                            + " AND query LIKE '%FROM comment c WHERE c.id%FOR UPDATE%'")
                    .query(Boolean.class)
                    .single();
            if (waiting) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the post never reached the locked row: "
                + (posting.isDone()
                        ? posting.join().statusCode() + " " + posting.join().body()
                        : "still running"));
    }
}
