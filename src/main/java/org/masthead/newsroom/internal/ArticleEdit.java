package org.masthead.newsroom.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the article editor sends: everything a journalist or editor may change in one save.
 *
 * @param body Markdown
 * @param slug empty to have one made from the headline; ignored once the article has been published
 * @param topics topic names, most important first; editors may name new ones
 * @param bylines author names, in order
 * @param commentsCloseAt when comments close; empty means the usual time after publication, or, for an
 *     article already published, never
 * @param mainImageId the image from the library shown at the top of the article and on its cards; null for none
 */
public record ArticleEdit(
        String headline,
        String standfirst,
        String body,
        @Nullable Long sectionId,
        String slug,
        List<String> topics,
        List<String> bylines,
        String seoTitle,
        String seoDescription,
        boolean commentsEnabled,
        @Nullable Instant commentsCloseAt,
        boolean premium,
        @Nullable Long mainImageId) {

    /** An edit that leaves the article without a main image. */
    public ArticleEdit(
            String headline,
            String standfirst,
            String body,
            @Nullable Long sectionId,
            String slug,
            List<String> topics,
            List<String> bylines,
            String seoTitle,
            String seoDescription,
            boolean commentsEnabled,
            @Nullable Instant commentsCloseAt,
            boolean premium) {
        this(
                headline,
                standfirst,
                body,
                sectionId,
                slug,
                topics,
                bylines,
                seoTitle,
                seoDescription,
                commentsEnabled,
                commentsCloseAt,
                premium,
                null);
    }
}
