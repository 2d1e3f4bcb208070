package org.masthead.newsroom;

import java.util.List;

/**
 * An image as a page shows it: what it depicts, who made it, and the widths it is kept at.
 *
 * @param widths the widths, in pixels and ascending, at which renditions exist
 */
public record ImageRef(
        long id, int width, int height, String altText, String caption, String credit, List<Integer> widths) {

    public int largestWidth() {
        return widths.getLast();
    }
}
