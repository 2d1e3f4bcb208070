package org.masthead;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction on another thread that does its work, then stays open, holding whatever locks that work
 * took, until it is released: for showing what waits for those locks and what does not.
 */
public final class HeldTransaction {

    private final CompletableFuture<Void> holding = new CompletableFuture<>();
    private final CompletableFuture<Void> release = new CompletableFuture<>();
    private final CompletableFuture<Void> finished;

    private HeldTransaction(
            TransactionTemplate transactions, ExecutorService background, Runnable work, Runnable onRelease) {
        finished = CompletableFuture.runAsync(
                () -> transactions.executeWithoutResult(status -> {
                    work.run();
                    holding.complete(null);
                    release.orTimeout(10, TimeUnit.SECONDS).join();
                    onRelease.run();
                }),
                background);
    }

    /** Starts the transaction and returns once its work is done and it holds its locks. */
    public static HeldTransaction hold(
            TransactionTemplate transactions, ExecutorService background, Runnable work, Runnable onRelease)
            throws Exception {
        HeldTransaction held = new HeldTransaction(transactions, background, work, onRelease);
        CompletableFuture.anyOf(held.holding, held.finished).get(10, TimeUnit.SECONDS);
        held.finished.getNow(null); // rethrows what the work threw
        return held;
    }

    public static HeldTransaction hold(TransactionTemplate transactions, ExecutorService background, Runnable work)
            throws Exception {
        return hold(transactions, background, work, () -> {});
    }

    /** Lets it finish its work and commit, and waits until it has. */
    public void commit() throws Exception {
        release.complete(null);
        finished.get(10, TimeUnit.SECONDS);
    }
}
