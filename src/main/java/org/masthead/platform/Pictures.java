package org.masthead.platform;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.masthead.platform.internal.ExifOrientation;

/**
 * Reads an uploaded picture the one way every upload is read (a reader's avatar, a newsroom photo):
 * JPEG, PNG or WebP only, no more pixels than a camera makes, decoded no larger than needed, turned
 * the way the camera's EXIF says, and flattened on white. Only the pixels come out: whatever else the
 * file carried (EXIF with where and when a photo was taken, comments, colour profiles, anything
 * hidden after the image data) is left behind, since callers encode the pixels afresh.
 */
public final class Pictures {

    /** The largest file anyone may upload; the servlet's multipart limit lets a little more in, so forms can say so. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    /** As ImageIO's readers name the formats we take: JPEG, PNG and WebP. */
    private static final Set<String> FORMATS = Set.of("jpeg", "jpg", "png", "webp");

    /**
     * A small file can declare a huge picture (a 5 MB PNG of one colour can be 20,000 pixels square);
     * this many pixels is more than any camera makes.
     */
    private static final long MAX_PIXELS = 100_000_000L;

    static {
        // Spring Boot sets this already; a plain test JVM does not, and Java2D needs it before first use.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Pictures() {}

    /**
     * The picture, upright, in RGB on white where it was transparent.
     *
     * @param decodeAtLeast the short side, in pixels, below which a big picture is not subsampled while it
     *     is decoded: enough for the largest size the caller makes, and no more memory than that takes
     * @throws PictureRejectedException when the file is not a JPEG, PNG or WebP picture we can read, or
     *     is too large
     */
    public static BufferedImage readUpright(byte[] upload, int decodeAtLeast) {
        if (upload.length > MAX_BYTES) {
            throw new PictureRejectedException(tooLarge());
        }
        BufferedImage decoded = decode(upload, decodeAtLeast);
        return upright(onWhite(decoded), ExifOrientation.of(upload));
    }

    /** What someone is told when their file is over the limit. */
    public static String tooLarge() {
        return "That file is larger than " + MAX_BYTES / (1024 * 1024)
                + " MB. Choose a smaller picture, or save it at a lower quality.";
    }

    private static BufferedImage decode(byte[] upload, int decodeAtLeast) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw notAPicture();
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    throw new PictureRejectedException(
                            "That kind of picture is not one we take. Use a JPEG, PNG or WebP.");
                }
                reader.setInput(in, true, true);
                return read(reader, decodeAtLeast);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw notAPicture();
        }
    }

    private static BufferedImage read(ImageReader reader, int decodeAtLeast) {
        BufferedImage image;
        try {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw notAPicture();
            }
            if ((long) width * height > MAX_PIXELS) {
                throw new PictureRejectedException(
                        "That picture has too many pixels for us to handle. Use a smaller version of it.");
            }
            // Read every nth pixel of a big photo: the memory a decode takes stays small, whatever the upload.
            int step = Math.max(1, Math.min(width, height) / decodeAtLeast);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            image = reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            if (e instanceof PictureRejectedException rejected) {
                throw rejected;
            }
            // Readers fail on broken files in many ways, some of them unchecked.
            throw notAPicture();
        }
        if (image == null) {
            throw notAPicture();
        }
        return image;
    }

    private static PictureRejectedException notAPicture() {
        return new PictureRejectedException("We could not read that file as a picture. Use a JPEG, PNG or WebP image.");
    }

    /** JPEG has no transparency: what was see-through is shown on white, as on the page. */
    private static BufferedImage onWhite(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    private static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation == ExifOrientation.NORMAL) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels =
                ExifOrientation.upright(image.getRGB(0, 0, width, height, null, 0, width), width, height, orientation);
        boolean swaps = ExifOrientation.swapsSides(orientation);
        int shownWidth = swaps ? height : width;
        int shownHeight = swaps ? width : height;
        BufferedImage shown = new BufferedImage(shownWidth, shownHeight, BufferedImage.TYPE_INT_RGB);
        shown.setRGB(0, 0, shownWidth, shownHeight, pixels, 0, shownWidth);
        return shown;
    }
}
