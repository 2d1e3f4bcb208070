package org.masthead.site;

import java.util.List;
import org.masthead.newsroom.PublishedArticle;

/**
 * What other readers are reading, and what to read next: the blocks beside and under articles and on
 * the home page. The module that counts readers and indexes articles declares a bean of this type;
 * without one, the home page has no such blocks and articles list their related stories by topic and
 * section. Answers are article ids, best first, which may include articles no longer published: the
 * page shows those of them that are.
 */
public interface ReadingTrends {

    /** The articles read most over the last day. */
    List<Long> mostRead(int count);

    /** The articles that drew the most comments over the last day. */
    List<Long> mostCommented(int count);

    /** Articles like this one, by shared topics and similar words; empty if none are known yet. */
    List<Long> relatedTo(PublishedArticle article, int count);
}
