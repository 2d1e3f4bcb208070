package org.masthead.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    @Test
    void aNameMixingLatinWithCyrillicOrGreekLookalikesIsRefused() {
        assertThat(DisplayNames.problemWith("Pr\u0456ya Raman"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("one alphabet"));
        assertThat(DisplayNames.problemWith("\u0410dmin")).isPresent();
        assertThat(DisplayNames.problemWith("Ale\u03bei")).isPresent();
    }

    @Test
    void namesInOneAlphabetOrInScriptsWrittenTogetherAreWelcome() {
        assertThat(DisplayNames.problemWith("Priya Raman")).isEmpty();
        assertThat(DisplayNames.problemWith("Máiread Lennox")).isEmpty();
        assertThat(DisplayNames.problemWith("Анна Петрова")).isEmpty();
        assertThat(DisplayNames.problemWith("山田たろう")).isEmpty();
        assertThat(DisplayNames.problemWith("Anna 2")).isEmpty();
    }

    @Test
    void fullWidthLettersAreStoredAsTheLettersTheyAre() {
        assertThat(DisplayNames.normalise(" \uff2dairead  Lennox ")).isEqualTo("Mairead Lennox");
    }
}
