package org.masthead.discussion.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The orders a conversation can be read in, each with the SQL that pages through it by position
 * (keyset), never by offset: a page is as quick to find deep in a long conversation as at its start.
 */
public enum Sort {
    OLDEST("c.posted_at, c.id", "c.posted_at DESC, c.id DESC"),
    NEWEST("c.posted_at DESC, c.id DESC", "c.posted_at, c.id"),
    RECOMMENDED("c.recommendations DESC, c.id", "c.recommendations ASC, c.id DESC");

    private final String order;
    private final String reversed;

    Sort(String order, String reversed) {
        this.order = order;
        this.reversed = reversed;
    }

    /** The name in addresses: {@code oldest}, {@code newest}, {@code recommended}. */
    public String urlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Sort> of(String param) {
        for (Sort sort : values()) {
            if (sort.urlName().equals(param)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }

    String order() {
        return order;
    }

    String reversed() {
        return reversed;
    }

    /** The condition for comments after the cursor ({@code :key}, {@code :id}) in this order, or before it. */
    String after(boolean backwards, boolean inclusive) {
        String eq = inclusive ? "=" : "";
        return switch (this) {
            case OLDEST -> "(c.posted_at, c.id) " + (backwards ? "<" : ">") + eq + " (:key, :id)";
            case NEWEST -> "(c.posted_at, c.id) " + (backwards ? ">" : "<") + eq + " (:key, :id)";
            case RECOMMENDED ->
                backwards
                        ? "(c.recommendations > :key OR (c.recommendations = :key AND c.id <" + eq + " :id))"
                        : "(c.recommendations < :key OR (c.recommendations = :key AND c.id >" + eq + " :id))";
        };
    }
}
