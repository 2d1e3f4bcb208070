package org.masthead.newsroom.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void aHeadlineBecomesLowerCaseWordsJoinedByHyphens() {
        assertThat(Slugs.from("Café owners' £5m plan — approved!")).isEqualTo("cafe-owners-5m-plan-approved");
    }

    @Test
    void aLongHeadlineIsCutAtAWord() {
        String slug = Slugs.from("word ".repeat(40));
        assertThat(slug)
                .hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH)
                .doesNotEndWith("-")
                .endsWith("word");
    }

    @Test
    void nothingUsableLeavesNothing() {
        assertThat(Slugs.from("—!?")).isEmpty();
    }
}
