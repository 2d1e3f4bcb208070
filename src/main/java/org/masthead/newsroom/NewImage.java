package org.masthead.newsroom;

import org.jspecify.annotations.Nullable;

/**
 * An image to store: its file as uploaded (JPEG, PNG or WebP) and the words that go with it.
 *
 * @param altText what the image shows, for readers who cannot see it
 * @param focalX how far across the picture crops are centred, from 0 to 1
 * @param focalY how far down, from 0 to 1
 * @param uploadedBy the account that uploaded it; null for images the system made
 */
public record NewImage(
        byte[] bytes,
        String altText,
        String caption,
        String credit,
        double focalX,
        double focalY,
        @Nullable Long uploadedBy) {

    /** An image centred on its middle, made by the system. */
    public NewImage(byte[] bytes, String altText, String caption, String credit) {
        this(bytes, altText, caption, credit, 0.5, 0.5, null);
    }
}
