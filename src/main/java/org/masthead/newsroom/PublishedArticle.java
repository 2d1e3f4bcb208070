package org.masthead.newsroom;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A published article, whole.
 *
 * @param bodyHtml the body rendered by the newsroom from the journalist's Markdown; raw HTML in the
 *     source is escaped, never passed through
 * @param updatedAt when the article was last updated after publication, if it was
 * @param modifiedAt when anything about it last changed
 * @param seoTitle the title search engines and the browser's tab show; empty for the headline
 * @param seoDescription the description search engines show; empty for the standfirst
 */
public record PublishedArticle(
        long id,
        String slug,
        String headline,
        String standfirst,
        String bodyHtml,
        Section section,
        List<Author> authors,
        List<Tag> tags,
        @Nullable ImageRef mainImage,
        Instant publishedAt,
        @Nullable Instant updatedAt,
        Instant modifiedAt,
        boolean commentsEnabled,
        @Nullable Instant commentsCloseAt,
        String seoTitle,
        String seoDescription) {

    /** What the page's title and search results call it. */
    public String searchTitle() {
        return seoTitle.isBlank() ? headline : seoTitle;
    }

    public String searchDescription() {
        return seoDescription.isBlank() ? standfirst : seoDescription;
    }

    public ArticleCard toCard() {
        return new ArticleCard(
                id,
                slug,
                headline,
                standfirst,
                section,
                publishedAt,
                modifiedAt,
                mainImage,
                authors.stream()
                        .map(a -> new ArticleCard.Byline(a.slug(), a.name()))
                        .toList());
    }
}
