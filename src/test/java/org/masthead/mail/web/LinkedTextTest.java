package org.masthead.mail.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.mail.web.LinkedText.Run;

class LinkedTextTest {

    @Test
    void webAddressesBecomeLinksAndTheRestStaysText() {
        LinkedText text = LinkedText.of("Confirm at https://example.com/verify?t=1&u=2.\nThanks");

        assertThat(text.runs())
                .containsExactly(
                        new Run("Confirm at ", null),
                        new Run("https://example.com/verify?t=1&u=2", "https://example.com/verify?t=1&u=2"),
                        new Run(".\nThanks", null));
    }

    @Test
    void onlyWebAddressesBecomeLinks() {
        LinkedText text = LinkedText.of("javascript:alert(1) <a href=\"x\">mailto:a@example.com</a>");

        assertThat(text.runs()).allSatisfy(run -> assertThat(run.href()).isNull());
    }

    @Test
    void addressInBracketsEndsAtTheBracket() {
        assertThat(LinkedText.of("(see http://example.com/a)").runs())
                .containsExactly(
                        new Run("(see ", null),
                        new Run("http://example.com/a", "http://example.com/a"),
                        new Run(")", null));
    }

    @Test
    void textWithoutAddressesIsOneRun() {
        assertThat(LinkedText.of("Hello").runs()).containsExactly(new Run("Hello", null));
        assertThat(LinkedText.of("").runs()).isEmpty();
    }
}
