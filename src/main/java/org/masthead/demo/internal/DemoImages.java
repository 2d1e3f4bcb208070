package org.masthead.demo.internal;

import static org.masthead.demo.internal.Scene.prepare;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws the demo illustrations and author portraits, so that the project ships no third-party pictures and
 * every demo article still has a distinct main image.
 *
 * <p>Each picture is seeded from a slug: the same slug always gives the same picture, and different slugs
 * with the same theme give different ones. Pictures hold no text, because fonts are the one part of Java2D
 * that a slim server image may lack.
 *
 * <p>The scenes are drawn by family ({@link CityScenes}, {@link LandscapeScenes}, {@link PitchScene},
 * {@link GraphicScenes}, {@link Portraits}) on a {@link Scene}; this class picks one and encodes it.
 */
final class DemoImages {

    static {
        // Spring Boot sets this already; a plain test JVM does not, and Java2D needs it before first use.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final float JPEG_QUALITY = 0.92f;

    private DemoImages() {}

    /** An illustration encoded as JPEG. */
    static byte[] illustration(Theme theme, String seed, int width, int height) {
        return jpeg(drawIllustration(theme, seed, width, height));
    }

    /** A square, faceless head-and-shoulders portrait encoded as JPEG. */
    static byte[] portrait(String seed, int size) {
        return jpeg(drawPortrait(seed, size));
    }

    static BufferedImage drawIllustration(Theme theme, String seed, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            prepare(g);
            Scene scene = new Scene(g, width, height, new Random(hash(theme.key() + ":" + seed)));
            switch (theme) {
                case SKYLINE -> CityScenes.skyline(scene);
                case SEA -> LandscapeScenes.sea(scene);
                case MOUNTAINS -> LandscapeScenes.mountains(scene);
                case PITCH -> PitchScene.pitch(scene);
                case CHART -> GraphicScenes.chart(scene);
                case COLUMNS -> CityScenes.columns(scene);
                case ABSTRACT -> GraphicScenes.abstractShapes(scene);
                case MAP -> GraphicScenes.map(scene);
                case FOREST -> LandscapeScenes.forest(scene);
                case FIELDS -> LandscapeScenes.fields(scene);
                case CIRCUIT -> GraphicScenes.circuit(scene);
                case NIGHT_SKY -> LandscapeScenes.nightSky(scene);
                case TERRACE -> CityScenes.terrace(scene);
                case RAILWAY -> CityScenes.railway(scene);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    static BufferedImage drawPortrait(String seed, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            prepare(g);
            Portraits.portrait(new Scene(g, size, size, new Random(hash("portrait:" + seed))));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** FNV-1a: a stable seed from a slug, spread over all 64 bits, unlike {@link String#hashCode()}. */
    private static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
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
