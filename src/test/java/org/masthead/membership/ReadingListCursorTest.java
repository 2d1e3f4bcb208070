package org.masthead.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.masthead.membership.internal.ReadingList;

/** The reading list's keyset cursor survives a round trip through an address, and nonsense is ignored. */
class ReadingListCursorTest {

    @Test
    void aCursorReadsBackExactlyToTheMicrosecond() {
        ReadingList.Cursor cursor = new ReadingList.Cursor(Instant.parse("2026-11-25T16:00:00.123456Z"), 42);

        assertThat(ReadingList.Cursor.parse(cursor.toString())).contains(cursor);
    }

    /** Sorted by publication, an archive story from before 1970 is a place in the list like any other. */
    @Test
    void aCursorBeforeNineteenSeventyReadsBackToo() {
        ReadingList.Cursor cursor = new ReadingList.Cursor(Instant.parse("1969-07-21T02:56:15Z"), 7);

        assertThat(ReadingList.Cursor.parse(cursor.toString())).contains(cursor);
    }

    @Test
    void nonsenseIsNoCursor() {
        assertThat(ReadingList.Cursor.parse(null)).isEmpty();
        assertThat(ReadingList.Cursor.parse("")).isEmpty();
        assertThat(ReadingList.Cursor.parse("12_x")).isEmpty();
        assertThat(ReadingList.Cursor.parse("1_-2")).isEmpty();
        assertThat(ReadingList.Cursor.parse("--1_2")).isEmpty();
        assertThat(ReadingList.Cursor.parse("99999999999999999999_1")).isEmpty();
    }
}
