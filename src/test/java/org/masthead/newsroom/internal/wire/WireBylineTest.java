package org.masthead.newsroom.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The people an agency names on a story become the draft's first bylines, the agency the last. */
class WireBylineTest {

    @Test
    void aSingleReporterIsNamedWithoutTheWordBy() {
        assertThat(WireDesk.reporters("By Hana Ostrowski", "Test Press")).containsExactly("Hana Ostrowski");
        assertThat(WireDesk.reporters("Hana Ostrowski", "Test Press")).containsExactly("Hana Ostrowski");
    }

    @Test
    void severalReportersAndWhereTheyFiledFromAreSeparated() {
        assertThat(WireDesk.reporters("BY Hana Ostrowski and Piotr Nowak in Gdańsk", "Test Press"))
                .containsExactly("Hana Ostrowski", "Piotr Nowak");
        assertThat(WireDesk.reporters("Ana Lindqvist, Sandra Andersen & Ole  Brandt", "Test Press"))
                .containsExactly("Ana Lindqvist", "Sandra Andersen", "Ole Brandt");
    }

    @Test
    void theAgencyItselfAndAnEmptyBylineNameNobody() {
        assertThat(WireDesk.reporters("Test Press", "Test Press")).isEmpty();
        assertThat(WireDesk.reporters("Hana Ostrowski, test press", "Test Press"))
                .containsExactly("Hana Ostrowski");
        assertThat(WireDesk.reporters("", "Test Press")).isEmpty();
        assertThat(WireDesk.reporters("By ", "Test Press")).isEmpty();
    }

    @Test
    void aNameTooLongForAnAuthorIsLeftOut() {
        assertThat(WireDesk.reporters("x".repeat(101) + ", Hana Ostrowski", "Test Press"))
                .containsExactly("Hana Ostrowski");
    }
}
