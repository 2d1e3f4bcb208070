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
        @Nullable Instant commentsCloseAt) {

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
