package org.masthead.accounts.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.coobird.thumbnailator.Thumbnails;
import org.masthead.platform.PictureRejectedException;
import org.masthead.platform.Pictures;

/**
 * Turns an uploaded picture into the square JPEGs that pages show. The picture is read as every upload
 * is ({@link Pictures}) and encoded afresh, so only its pixels survive.
 */
public final class AvatarImages {

    /** Sides in pixels of the squares we keep: small beside a comment, larger on the profile page. */
    public static final List<Integer> SIZES = List.of(64, 128, 256);

    /** The largest file a reader may upload; the servlet's multipart limit says the same. */
    public static final long MAX_BYTES = Pictures.MAX_BYTES;

    /** Pictures are decoded at no less than this on their short side: ample for 256 pixels, and cheap. */
    private static final int DECODE_AT_LEAST = 1024;

    private AvatarImages() {}

    /**
     * The picture as a square JPEG at each of {@link #SIZES}, cropped from its middle.
     *
     * @throws ImageRejectedException when the file is not a JPEG, PNG or WebP picture we can read
     */
    public static Map<Integer, byte[]> render(byte[] upload) {
        BufferedImage square;
        try {
            square = middleSquare(Pictures.readUpright(upload, DECODE_AT_LEAST));
        } catch (PictureRejectedException rejected) {
            throw new ImageRejectedException(rejected.getMessage());
        }
        Map<Integer, byte[]> renditions = new LinkedHashMap<>();
        for (int size : SIZES) {
            renditions.put(size, jpeg(square, size));
        }
        return renditions;
    }

    /** The middle square of the picture. */
    private static BufferedImage middleSquare(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        return image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
    }

    private static byte[] jpeg(BufferedImage square, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Thumbnails.of(square)
                    .forceSize(size, size)
                    .outputFormat("jpg")
                    .outputQuality(0.85)
                    .toOutputStream(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
