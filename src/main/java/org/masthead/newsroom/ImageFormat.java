package org.masthead.newsroom;

import java.util.Arrays;
import java.util.Optional;

/** The encodings an image is served in: WebP for browsers that take it (all current ones), JPEG for the rest. */
public enum ImageFormat {
    WEBP("webp", "image/webp"),
    JPEG("jpg", "image/jpeg");

    private final String extension;
    private final String contentType;

    ImageFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<ImageFormat> ofExtension(String extension) {
        return Arrays.stream(values())
                .filter(f -> f.extension.equals(extension))
                .findFirst();
    }
}
