package org.masthead.newsroom;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An article as a journalist files it.
 *
 * @param bodyMarkdown the body in Markdown; raw HTML in it is shown as text, never rendered
 * @param authorSlugs the bylines, in order
 * @param tagSlugs the tags, most important first
 */
public record ArticleDraft(
        String sectionPath,
        String slug,
        String headline,
        String standfirst,
        String bodyMarkdown,
        @Nullable Long mainImageId,
        List<String> authorSlugs,
        List<String> tagSlugs) {}
