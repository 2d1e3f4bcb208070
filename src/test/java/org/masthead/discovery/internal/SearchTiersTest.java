package org.masthead.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two tiers of a search, each read in bounded time however common the word: only a word's newest headline
 * matches are ranked, and a common word's matches in the body alone are first looked for among the newest
 * articles, with the same answer as taking them all from the index.
 */
@MastheadTest
class SearchTiersTest {

    private static final Duration HALF_LIFE = Duration.ofDays(30);

    @Autowired
    SearchRepository index;

    @Autowired
    TestContent content;

    @Test
    void anOldStrongMatchIsRankedFirstOnlyWhileItIsAmongTheNewestCandidates() {
        Section section = content.section("Candidates");
        // Letters only, so that the word is one word to the index, and new on each run.
        String word = "zqc" + Long.toString(System.nanoTime(), 26).replaceAll("[0-9]", "x");
        Instant now = Instant.now();
        long old = content.article(section)
                .headline("The " + word + " of long ago")
                .publishedAt(now.minus(365, ChronoUnit.DAYS));
        long middle = content.article(section)
                .headline("A weaker match")
                .standfirst("Only the standfirst has the " + word)
                .publishedAt(now.minus(2, ChronoUnit.HOURS));
        long newest = content.article(section)
                .headline("Another weaker match")
                .standfirst("Only the standfirst has the " + word + " here too")
                .publishedAt(now.minus(1, ChronoUnit.HOURS));
        SearchRepository.Query query = new SearchRepository.Query(word, null, null, null, null);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        index.rankedByTitle(query, now, HALF_LIFE, 10, 10, 0).matches() == 3);

        var all = index.rankedByTitle(query, now, HALF_LIFE, 3, 10, 0);
        var newestTwo = index.rankedByTitle(query, now, HALF_LIFE, 2, 10, 0);

        assertThat(all.page()).containsExactly(old, newest, middle);
        assertThat(all.matches()).isEqualTo(3);
        assertThat(newestTwo.page()).containsExactly(newest, middle);
        assertThat(newestTwo.matches()).isEqualTo(2);
        assertThat(index.rankedByTitle(query, now, HALF_LIFE, 3, 10, 3).page()).isEmpty();
        assertThat(index.rankedByTitle(query, now, HALF_LIFE, 3, 10, 3).matches())
                .as("a page past the matches still knows how many there are")
                .isEqualTo(3);
    }

    @Test
    void matchesInTheBodyAloneAreTheSameWhereverTheyAreLookedFor() {
        Section section = content.section("Body tier");
        String word = "zqb" + Long.toString(System.nanoTime(), 26).replaceAll("[0-9]", "x");
        Instant now = Instant.now();
        List<Long> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            newestFirst.add(content.article(section)
                    .headline("Body match " + i)
                    .body("The " + word + " is in here.")
                    .publishedAt(now.minus(i + 1, ChronoUnit.HOURS)));
        }
        content.article(section).headline("The " + word + " in a headline").publishedAt(now);
        SearchRepository.Query query = new SearchRepository.Query(word, null, null, null, null);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> index.newestInBodyAlone(query, false, 10, 0).size() == 7);

        for (boolean manyMatches : new boolean[] {true, false}) {
            assertThat(index.newestInBodyAlone(query, manyMatches, 3, 0))
                    .containsExactlyElementsOf(newestFirst.subList(0, 3));
            assertThat(index.newestInBodyAlone(query, manyMatches, 3, 3))
                    .containsExactlyElementsOf(newestFirst.subList(3, 6));
            assertThat(index.newestInBodyAlone(query, manyMatches, 3, 6)).containsExactly(newestFirst.get(6));
            assertThat(index.newestInBodyAlone(query, manyMatches, 3, 9)).isEmpty();
        }
    }
}
