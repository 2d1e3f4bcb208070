package org.masthead.newsroom.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.masthead.newsroom.ImageCrop;
import org.masthead.newsroom.ImageFormat;
import org.masthead.newsroom.ImageRef;

/**
 * Makes the pictures pages show from an upright master: the master itself, no wider than the widest
 * rendition, and each rendition, cut to its crop around the focal point, scaled and encoded.
 */
public final class ImageRenditions {

    /** Masters are kept at high quality: every rendition is made from them, and losses would add up. */
    private static final float MASTER_QUALITY = 0.92f;

    public record Master(int width, int height, byte[] jpeg) {}

    private ImageRenditions() {}

    /** The picture as kept: no wider than {@link ImageRef#MAX_WIDTH}, encoded as JPEG with nothing but pixels. */
    public static Master master(BufferedImage upright) {
        BufferedImage scaled = upright.getWidth() > ImageRef.MAX_WIDTH ? scale(upright, ImageRef.MAX_WIDTH) : upright;
        return new Master(scaled.getWidth(), scaled.getHeight(), encode(scaled, ImageFormat.JPEG, MASTER_QUALITY));
    }

    public static BufferedImage decode(byte[] master) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(master));
            if (image == null) {
                throw new IllegalStateException("A stored master is not a picture");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One rendition: the crop cut around the focal point, at the given width. */
    public static byte[] render(
            BufferedImage master, ImageRef image, ImageCrop crop, int width, ImageFormat format, float quality) {
        BufferedImage cut = crop == ImageCrop.ORIGINAL ? master : cut(master, image, crop);
        return encode(scale(cut, width), format, quality);
    }

    /** The largest part of the master in the crop's shape whose middle is as near the focal point as fits. */
    static BufferedImage cut(BufferedImage master, ImageRef image, ImageCrop crop) {
        int width = master.getWidth();
        int height = master.getHeight();
        int cutWidth = width;
        int cutHeight = (int) ((long) width * crop.heightRatio() / crop.widthRatio());
        if (cutHeight > height) {
            cutHeight = height;
            cutWidth = (int) ((long) height * crop.widthRatio() / crop.heightRatio());
        }
        int left = around(image.focalX() * width, cutWidth, width);
        int top = around(image.focalY() * height, cutHeight, height);
        return master.getSubimage(left, top, cutWidth, cutHeight);
    }

    private static int around(double focus, int length, int whole) {
        int start = (int) Math.round(focus - length / 2.0);
        return Math.max(0, Math.min(whole - length, start));
    }

    private static BufferedImage scale(BufferedImage image, int width) {
        if (image.getWidth() == width) {
            return image;
        }
        try {
            return Thumbnails.of(image)
                    .width(width)
                    .imageType(BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image, ImageFormat format, float quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(format.contentType());
        if (!writers.hasNext()) {
            throw new IllegalStateException("No encoder for " + format.contentType());
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            if (format == ImageFormat.WEBP) {
                param.setCompressionType("Lossy");
            } else {
                // Progressive JPEGs are a few per cent smaller, and show something sooner on a slow line.
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
