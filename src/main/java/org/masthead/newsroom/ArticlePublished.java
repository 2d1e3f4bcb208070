package org.masthead.newsroom;

import java.util.List;

/**
 * An article was published, or republished after a change: pages that show it are out of date.
 *
 * @param sectionId the article's own section (not its ancestors)
 */
public record ArticlePublished(long articleId, long sectionId, List<Long> tagIds, List<Long> authorIds) {}
