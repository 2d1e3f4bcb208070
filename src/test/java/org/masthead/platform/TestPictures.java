package org.masthead.platform;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Pictures for upload tests, made here so that each test says what is in them. */
public final class TestPictures {

    public static final Color LEFT = new Color(200, 30, 30);
    public static final Color RIGHT = new Color(30, 30, 200);

    private TestPictures() {}

    /** A landscape picture: its left half {@link #LEFT}, its right half {@link #RIGHT}. */
    public static BufferedImage halves(int width, int height, int imageType) {
        BufferedImage image = new BufferedImage(width, height, imageType);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(LEFT);
        graphics.fillRect(0, 0, width / 2, height);
        graphics.setColor(RIGHT);
        graphics.fillRect(width / 2, 0, width - width / 2, height);
        graphics.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG as a phone camera writes one: with an EXIF block saying which way up to show it and
     * describing the picture with this text (standing for what a camera records, such as where it was).
     */
    public static byte[] jpegWithExif(BufferedImage image, int orientation, String description) {
        byte[] jpeg = encode(image, "jpg");
        // Cameras write EXIF in place of the JFIF segment that ImageIO puts first.
        int rest = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            rest = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        }
        byte[] exif = exif(orientation, description);
        ByteBuffer withExif = ByteBuffer.allocate(2 + 4 + exif.length + jpeg.length - rest);
        withExif.put(jpeg, 0, 2); // SOI
        withExif.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2));
        withExif.put(exif);
        withExif.put(jpeg, rest, jpeg.length - rest);
        return withExif.array();
    }

    // "Exif\0\0", then a big-endian TIFF header and one directory: ImageDescription and Orientation.
    private static byte[] exif(int orientation, String description) {
        byte[] text = (description + "\0").getBytes(StandardCharsets.US_ASCII);
        int directory = 8;
        int textAt = directory + 2 + 2 * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(6 + textAt + text.length);
        tiff.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(directory);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(text.length).putInt(textAt);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0);
        tiff.put(text);
        return tiff.array();
    }

    /** A PNG that declares itself this large, with no pixels: ImageIO reads the size from its header. */
    public static byte[] pngDeclaring(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height);
        header.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", header.array());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * A small WebP, made for this project with Debian's cwebp from a 120x80 PNG whose left half is
     * green (30, 160, 60) and right half orange (240, 140, 20): {@code cwebp -q 80 -metadata none}.
     */
    public static byte[] webp() {
        try (InputStream in = TestPictures.class.getResourceAsStream("/accounts/avatar.webp")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new AssertionError("not a picture ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether two colours are alike, as JPEG's losses allow. */
    public static boolean near(int rgb, Color expected) {
        Color actual = new Color(rgb);
        return Math.abs(actual.getRed() - expected.getRed()) < 40
                && Math.abs(actual.getGreen() - expected.getGreen()) < 40
                && Math.abs(actual.getBlue() - expected.getBlue()) < 40;
    }
}
