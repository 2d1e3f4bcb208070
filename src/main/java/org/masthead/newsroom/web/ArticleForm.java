package org.masthead.newsroom.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The article editor's form. Everything may be missing: a field left out is empty, an unticked box is
 * not sent at all.
 *
 * @param commentsCloseAt a local date and time in the site's zone ({@code 2026-11-28T18:00}), or empty
 * @param version the version the editor started from; missing when nothing is to be saved
 * @param mainImageId the number of the library's image shown at the top; missing for none
 */
record ArticleForm(
        @Nullable String headline,
        @Nullable String standfirst,
        @Nullable String body,
        @Nullable Long sectionId,
        @Nullable String slug,
        @Nullable List<String> topics,
        @Nullable List<String> bylines,
        @Nullable String seoTitle,
        @Nullable String seoDescription,
        @Nullable Boolean commentsEnabled,
        @Nullable String commentsCloseAt,
        @Nullable Boolean premium,
        @Nullable Integer version,
        @Nullable Long mainImageId) {

    static final int EMPTY_ROWS = 1;

    String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** The names given, with one empty input to add another. */
    public List<String> topicInputs() {
        return withEmptyRow(topics);
    }

    public List<String> bylineInputs() {
        return withEmptyRow(bylines);
    }

    private static List<String> withEmptyRow(@Nullable List<String> names) {
        List<String> inputs = new ArrayList<>();
        if (names != null) {
            names.stream().filter(name -> !name.isBlank()).forEach(inputs::add);
        }
        for (int i = 0; i < EMPTY_ROWS; i++) {
            inputs.add("");
        }
        return inputs;
    }
}
