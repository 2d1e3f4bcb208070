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
        boolean premium) {}
