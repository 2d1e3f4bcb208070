package org.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Sections are kept in memory on every node; whoever creates one can use it the moment it commits. */
@MastheadTest
class SectionCacheTest {

    @Autowired
    TestContent content;

    @Autowired
    PublishedContent published;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aSectionReadByAPageBeforeItCommittedIsThereForItsCreatorAtOnce() {
        Section section = transactions.execute(status -> {
            Section created = content.section("Committed");
            // A reader's page, on another connection, reads the sections while this one is uncommitted.
            CompletableFuture.runAsync(published::sections).join();
            return created;
        });

        assertThat(published.section(section.path()))
                .as("found without waiting")
                .isPresent();
        assertThat(content.subSection(section, "Under it").path()).startsWith(section.path() + "/");
    }

    @Test
    void aTransactionThatCreatedASectionFindsItWhateverOthersCachedMeanwhile() {
        Section child = transactions.execute(status -> {
            Section created = content.section("Uncommitted");
            // Another thread fills the cache from what is committed, as a refresh on a busy node does.
            CompletableFuture.runAsync(published::sections).join();
            return content.subSection(created, "Under it");
        });

        assertThat(published.section(child.path())).isPresent();
    }
}
