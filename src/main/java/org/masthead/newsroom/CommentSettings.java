package org.masthead.newsroom;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the conversation under a published article needs to know of it, read without the rest of the
 * article (its body, bylines, tags and picture).
 *
 * @param enabled whether the article takes comments at all
 * @param closeAt when its comments close, if they ever do
 */
public record CommentSettings(long articleId, String headline, boolean enabled, @Nullable Instant closeAt) {}
