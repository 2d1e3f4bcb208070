package org.masthead.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a checkout calls a contribution reads as English for every frequency, the article going by sound. */
class FrequencyTest {

    @Test
    void everyFrequencyIsDescribedWithTheArticleItsLabelTakes() {
        assertThat(Frequency.ONE_OFF.description()).isEqualTo("A one-off contribution");
        assertThat(Frequency.MONTH.description()).isEqualTo("A monthly contribution");
        assertThat(Frequency.YEAR.description()).isEqualTo("An annual contribution");
    }
}
