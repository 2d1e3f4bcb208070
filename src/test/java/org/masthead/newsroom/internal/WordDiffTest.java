package org.masthead.newsroom.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void countsTheWordsAddedAndRemovedAndMarksThemInPlace() {
        WordDiff.Result diff = WordDiff.between("The library opens at nine.", "The library opens at ten on weekdays.");

        assertThat(diff.added()).isEqualTo(3);
        assertThat(diff.removed()).isEqualTo(1);
        assertThat(diff.segments())
                .containsExactly(
                        new WordDiff.Segment(WordDiff.Change.SAME, "The library opens at "),
                        new WordDiff.Segment(WordDiff.Change.REMOVED, "nine."),
                        new WordDiff.Segment(WordDiff.Change.ADDED, "ten on weekdays."));
    }

    @Test
    void theSameWordsAreUnchanged() {
        assertThat(WordDiff.between("Same words.\n\nHere.", "Same words.\n\nHere.")
                        .unchanged())
                .isTrue();
    }

    @Test
    void everythingIsAddedToNothing() {
        WordDiff.Result diff = WordDiff.between("", "Three new words");
        assertThat(diff.added()).isEqualTo(3);
        assertThat(diff.removed()).isZero();
    }
}
