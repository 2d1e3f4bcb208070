package org.masthead.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.HeldTransaction;
import org.masthead.MastheadTest;
import org.masthead.accounts.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reader's batch mail while it is being gathered: news for the same reader from many comments at once
 * does not queue, and news that arrives while the mail is being sent waits for the next one.
 */
@MastheadTest
class MailBatchesTest {

    @Autowired
    MailBatches batches;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient db;

    final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopBackground() {
        background.close();
    }

    @Test
    void twoTransactionsTellingTheSameReaderDoNotWaitForEachOther() throws Exception {
        long reader = accounts.create(true).id();
        // The reader's batch has begun: the first news of a batch is the one that makes its row, and
        // whoever tells the reader at that moment waits for it to commit.
        transactions.executeWithoutResult(status -> batches.waitFor(reader, Instant.now()));
        HeldTransaction first =
                HeldTransaction.hold(transactions, background, () -> batches.waitFor(reader, Instant.now()));

        CompletableFuture<MailState> second = CompletableFuture.supplyAsync(
                () -> transactions.execute(status -> batches.waitFor(reader, Instant.now())), background);

        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(MailState.BATCH);
        first.commit();
    }

    @Test
    void newsArrivingWhileTheMailIsBeingSentStartsTheNextBatch() throws Exception {
        long reader = accounts.create(true).id();
        transactions.executeWithoutResult(status -> batches.waitFor(reader, Instant.now()));
        // The sender has claimed the batch, as sendNextDue does, and has not finished.
        HeldTransaction sender = HeldTransaction.hold(
                transactions,
                background,
                () -> db.sql("SELECT account_id FROM notification_batch WHERE account_id = :a FOR UPDATE SKIP LOCKED")
                        .param("a", reader)
                        .query(Long.class)
                        .single(),
                () -> db.sql("DELETE FROM notification_batch WHERE account_id = :a")
                        .param("a", reader)
                        .update());

        CompletableFuture<MailState> news = CompletableFuture.supplyAsync(
                () -> transactions.execute(status -> batches.waitFor(reader, Instant.now())), background);
        try {
            news.get(500, TimeUnit.MILLISECONDS);
            throw new AssertionError("the news did not wait for the batch being sent");
        } catch (TimeoutException expected) {
            // it waits
        }
        sender.commit();

        assertThat(news.get(10, TimeUnit.SECONDS)).isEqualTo(MailState.BATCH);
        assertThat(db.sql("SELECT count(*) FROM notification_batch WHERE account_id = :a")
                        .param("a", reader)
                        .query(Integer.class)
                        .single())
                .as("a new batch waits for the next mail")
                .isEqualTo(1);
    }
}
