package org.masthead.newsroom.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import net.coobird.thumbnailator.Thumbnails;
import org.masthead.newsroom.ContentRejectedException;

/** Decodes an uploaded image and re-encodes it at the standard widths pages ask for. */
public final class ImageRenditions {

    /** Widths offered in srcset; an image is never enlarged past its own width. */
    public static final List<Integer> STANDARD_WIDTHS = List.of(320, 640, 960, 1280);

    public record Rendition(int width, int height, String contentType, byte[] bytes) {}

    public record Decoded(BufferedImage image, List<Rendition> renditions) {}

    private ImageRenditions() {}

    public static Decoded of(byte[] bytes) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new ContentRejectedException("The image could not be read: " + e.getMessage());
        }
        if (image == null) {
            throw new ContentRejectedException("The file is not a JPEG or PNG image.");
        }
        List<Rendition> renditions = new ArrayList<>();
        for (int width : STANDARD_WIDTHS) {
            if (width <= image.getWidth()) {
                renditions.add(encode(image, width));
            }
        }
        if (renditions.isEmpty()) {
            renditions.add(encode(image, image.getWidth()));
        }
        return new Decoded(image, renditions);
    }

    private static Rendition encode(BufferedImage image, int width) {
        try {
            // Re-encoding from pixels also leaves behind any metadata the original carried.
            BufferedImage resized = Thumbnails.of(image)
                    .width(width)
                    .imageType(BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thumbnails.of(resized)
                    .scale(1)
                    .outputFormat("jpg")
                    .outputQuality(0.82)
                    .toOutputStream(out);
            return new Rendition(resized.getWidth(), resized.getHeight(), "image/jpeg", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
