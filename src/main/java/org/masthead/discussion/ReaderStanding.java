package org.masthead.discussion;

import org.jspecify.annotations.Nullable;

/**
 * What moderation says about a reader taking part, shown to them before they write.
 *
 * @param mayPost false while a sanction keeps them from posting (a suspension, a ban)
 * @param notice what to tell them (the sanction, its rule and until when); null when nothing
 */
public record ReaderStanding(boolean mayPost, @Nullable String notice) {

    public static final ReaderStanding GOOD = new ReaderStanding(true, null);
}
