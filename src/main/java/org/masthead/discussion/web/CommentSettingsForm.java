package org.masthead.discussion.web;

import org.jspecify.annotations.Nullable;

/**
 * An editor's choice for an article's comments.
 *
 * @param closesAt a local date and time in the site's zone ({@code 2026-11-28T18:00}); empty for never
 */
record CommentSettingsForm(boolean enabled, @Nullable String closesAt) {}
