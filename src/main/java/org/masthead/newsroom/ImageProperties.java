package org.masthead.newsroom;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir where the default {@link ImageStore} keeps image files; empty means {@code images} in the data
 *     directory
 * @param jpegQuality the quality JPEG renditions are encoded at, from 0 to 1
 * @param webpQuality the quality WebP renditions are encoded at, from 0 to 1
 * @param renderers how many renditions one node makes at once; more requests for new ones wait their turn
 */
@ConfigurationProperties("masthead.images")
public record ImageProperties(
        @Nullable Path dir,
        @DefaultValue("0.8") float jpegQuality,
        @DefaultValue("0.75") float webpQuality,
        @DefaultValue("2") int renderers) {

    /** Checked here, so that a typo stops the start instead of failing every new rendition. */
    public ImageProperties {
        if (!(jpegQuality >= 0 && jpegQuality <= 1)) {
            throw new IllegalArgumentException(
                    "masthead.images.jpeg-quality must be between 0 and 1, not " + jpegQuality);
        }
        if (!(webpQuality >= 0 && webpQuality <= 1)) {
            throw new IllegalArgumentException(
                    "masthead.images.webp-quality must be between 0 and 1, not " + webpQuality);
        }
        if (renderers < 1) {
            throw new IllegalArgumentException("masthead.images.renderers must be at least 1, not " + renderers);
        }
    }
}
