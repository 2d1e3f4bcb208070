package org.masthead.newsroom;

import org.jspecify.annotations.Nullable;

/**
 * A section of the paper, such as World, or a sub-section, such as World &gt; Asia.
 *
 * @param path the section's address: {@code world} or {@code world/asia}
 */
public record Section(
        long id, @Nullable Long parentId, String slug, String path, String name, String description, int position) {

    public boolean isTopLevel() {
        return parentId == null;
    }
}
