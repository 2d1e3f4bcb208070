package org.masthead.discussion.web;

import org.jspecify.annotations.Nullable;

/**
 * An editor's choice for an article's comments.
 *
 * @param closesAt a local date and time in the site's zone ({@code 2026-11-28T18:00}); empty for never
 */
record CommentSettingsForm(@Nullable Boolean enabled, @Nullable String closesAt) {

    /** An unticked box is not sent at all: comments off. */
    boolean commentsEnabled() {
        return Boolean.TRUE.equals(enabled);
    }
}
