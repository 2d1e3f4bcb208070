package org.masthead.discussion.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a list of comments, as it appears in addresses ({@code 1764085200123456_42}): the
 * comment's sort key (its time in microseconds, or its recommendations) and its id.
 */
public record Cursor(long key, long id) {

    // No sign: a position before 1970, or below no recommendations, is no position at all.
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,18})_(\\d{1,18})");

    static Cursor at(CommentRepository.CommentRow row, Sort sort) {
        return sort == Sort.RECOMMENDED ? new Cursor(row.recommendations(), row.id()) : byTime(row);
    }

    static Cursor byTime(CommentRepository.CommentRow row) {
        return new Cursor(ChronoUnit.MICROS.between(Instant.EPOCH, row.postedAt()), row.id());
    }

    /** The cursor written in an address, if it is one. */
    public static Optional<Cursor> parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        return matcher.matches()
                ? Optional.of(new Cursor(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))))
                : Optional.empty();
    }

    Instant instant() {
        return Instant.EPOCH.plus(key, ChronoUnit.MICROS);
    }

    Object sqlKey(Sort sort) {
        return sort == Sort.RECOMMENDED ? (Object) key : Timestamp.from(instant());
    }

    @Override
    public String toString() {
        return key + "_" + id;
    }
}
