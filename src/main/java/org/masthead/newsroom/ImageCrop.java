package org.masthead.newsroom;

import java.util.Arrays;
import java.util.Optional;

/**
 * The shapes an image is served in. Crops are cut around the image's focal point, so that what matters
 * in the picture stays in it, whatever the shape.
 */
public enum ImageCrop {
    /** The picture as it was taken. */
    ORIGINAL("", 0, 0),
    /** 16:9, as cards on fronts and lists show pictures. */
    WIDE("16x9", 16, 9),
    /** A square, for portraits. */
    SQUARE("1x1", 1, 1);

    private final String path;
    private final int widthRatio;
    private final int heightRatio;

    ImageCrop(String path, int widthRatio, int heightRatio) {
        this.path = path;
        this.widthRatio = widthRatio;
        this.heightRatio = heightRatio;
    }

    /** How the crop is named in a rendition's address; empty for the original shape. */
    public String path() {
        return path;
    }

    public int widthRatio() {
        return widthRatio;
    }

    public int heightRatio() {
        return heightRatio;
    }

    public static Optional<ImageCrop> ofPath(String path) {
        return Arrays.stream(values()).filter(c -> c.path.equals(path)).findFirst();
    }
}
