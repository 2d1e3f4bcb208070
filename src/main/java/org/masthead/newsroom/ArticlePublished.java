package org.masthead.newsroom;

import java.util.List;

/**
 * An article was published, republished after a change, or taken down: pages that show it, or listed
 * it where it was, are out of date.
 *
 * @param sectionId the article's own section (not its ancestors)
 */
public record ArticlePublished(long articleId, long sectionId, List<Long> tagIds, List<Long> authorIds) {}
