package org.masthead.newsroom;

import org.jspecify.annotations.Nullable;

/**
 * An article that was published and has been taken down: its address answers 410 Gone, or sends
 * readers on to the published article an editor named to replace it.
 */
public record Withdrawn(long articleId, @Nullable PublishedArticle replacement) {}
