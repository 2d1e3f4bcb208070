package org.masthead.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetAnchorTest {

    @Test
    void theFirstWordAReaderWantsFoundIsLookedForWithoutItsEnding() {
        assertThat(SearchRepository.snippetAnchor("Coders")).isEqualTo("code");
        assertThat(SearchRepository.snippetAnchor("tax")).isEqualTo("tax");
        assertThat(SearchRepository.snippetAnchor("\"climate talks\" -paris")).isEqualTo("clima");
    }

    @Test
    void excludedWordsAndOrAreSkipped() {
        assertThat(SearchRepository.snippetAnchor("-brexit or budget")).isEqualTo("budg");
        assertThat(SearchRepository.snippetAnchor("OR election")).isEqualTo("electi");
    }

    @Test
    void aQueryWithoutWordsHasNoAnchor() {
        assertThat(SearchRepository.snippetAnchor("")).isEmpty();
        assertThat(SearchRepository.snippetAnchor("-excluded")).isEmpty();
        assertThat(SearchRepository.snippetAnchor("\" ' \\\\ 123 !!")).isEmpty();
    }
}
