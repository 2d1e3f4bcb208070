package org.masthead.accounts.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Turns an uploaded picture into the square JPEGs that pages show. Only the pixels survive: the
 * picture is decoded and encoded afresh, so nothing else the file carried (EXIF with where and when a
 * photo was taken, comments, colour profiles, anything hidden after the image data) is kept.
 */
public final class AvatarImages {

    /** Sides in pixels of the squares we keep: small beside a comment, larger on the profile page. */
    public static final List<Integer> SIZES = List.of(64, 128, 256);

    /** The largest file a reader may upload; the servlet's multipart limit says the same. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    /** As ImageIO's readers name the formats we take: JPEG, PNG and WebP (with the TwelveMonkeys plugin). */
    private static final Set<String> FORMATS = Set.of("jpeg", "jpg", "png", "webp");

    /**
     * A small file can declare a huge picture (a 5 MB PNG of one colour can be 20,000 pixels square);
     * this many pixels is more than any camera makes.
     */
    private static final long MAX_PIXELS = 100_000_000L;

    /** Pictures are decoded at no less than this on their short side: ample for 256 pixels, and cheap. */
    private static final int DECODE_AT_LEAST = 1024;

    private AvatarImages() {}

    /**
     * The picture as a square JPEG at each of {@link #SIZES}, cropped from its middle.
     *
     * @throws ImageRejectedException when the file is not a JPEG, PNG or WebP picture we can read
     */
    public static Map<Integer, byte[]> render(byte[] upload) {
        BufferedImage decoded = decode(upload);
        BufferedImage square = uprightSquare(decoded, ExifOrientation.of(upload));
        Map<Integer, byte[]> renditions = new LinkedHashMap<>();
        for (int size : SIZES) {
            renditions.put(size, jpeg(square, size));
        }
        return renditions;
    }

    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw notAPicture();
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    throw new ImageRejectedException(
                            "That kind of picture is not one we take. Use a JPEG, PNG or WebP.");
                }
                reader.setInput(in, true, true);
                return read(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw notAPicture();
        }
    }

    private static BufferedImage read(ImageReader reader) {
        BufferedImage image;
        try {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw notAPicture();
            }
            if ((long) width * height > MAX_PIXELS) {
                throw new ImageRejectedException(
                        "That picture has too many pixels for us to handle. Use a smaller version of it.");
            }
            // Read every nth pixel of a big photo: the memory a decode takes stays small, whatever the upload.
            int step = Math.max(1, Math.min(width, height) / DECODE_AT_LEAST);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            image = reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRejectedException rejected) {
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

    private static ImageRejectedException notAPicture() {
        return new ImageRejectedException("We could not read that file as a picture. Use a JPEG, PNG or WebP image.");
    }

    /**
     * The middle square of the picture, on white where it was transparent (JPEG has no transparency),
     * turned the way the camera said it should be seen.
     */
    private static BufferedImage uprightSquare(BufferedImage image, int orientation) {
        int side = Math.min(image.getWidth(), image.getHeight());
        int left = (image.getWidth() - side) / 2;
        int top = (image.getHeight() - side) / 2;
        BufferedImage square = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = square.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, side, side);
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, side, side, left, top, left + side, top + side, null);
        } finally {
            graphics.dispose();
        }
        if (orientation != ExifOrientation.NORMAL) {
            int[] pixels = square.getRGB(0, 0, side, side, null, 0, side);
            square.setRGB(0, 0, side, side, ExifOrientation.upright(pixels, side, orientation), 0, side);
        }
        return square;
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
