package org.masthead.newsroom;

import java.util.List;

/**
 * One numbered page of articles, newest first.
 *
 * @param number the page number, from 1
 * @param totalPages at least 1, even when there are no articles
 */
public record ArticlePage(List<ArticleCard> articles, int number, int totalPages) {

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < totalPages;
    }
}
