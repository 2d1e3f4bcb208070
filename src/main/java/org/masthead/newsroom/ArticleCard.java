package org.masthead.newsroom;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A published article as a list shows it: enough to link to it and make a reader want to. */
public record ArticleCard(
        long id,
        String slug,
        String headline,
        String standfirst,
        Section section,
        Instant publishedAt,
        Instant modifiedAt,
        @Nullable ImageRef image,
        List<Byline> bylines) {

    /** An author's name on an article, with the address of their page. */
    public record Byline(String slug, String name) {}
}
