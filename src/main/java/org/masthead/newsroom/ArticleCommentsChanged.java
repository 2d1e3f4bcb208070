package org.masthead.newsroom;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An editor opened or closed comments on an article, or moved the time they close: pages and
 * fragments that show whether a reader may comment there are out of date.
 *
 * @param closeAt when comments close, or null for never (while enabled)
 */
public record ArticleCommentsChanged(long articleId, boolean enabled, @Nullable Instant closeAt) {}
