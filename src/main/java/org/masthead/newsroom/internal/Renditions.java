package org.masthead.newsroom.internal;

import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.masthead.newsroom.ImageCrop;
import org.masthead.newsroom.ImageFormat;
import org.masthead.newsroom.ImageProperties;
import org.masthead.newsroom.ImageRef;
import org.masthead.newsroom.ImageRendition;
import org.masthead.newsroom.ImageStore;
import org.springframework.stereotype.Component;

/**
 * Every rendition is made the first time it is asked for, from the image's master, and kept in the
 * {@link ImageStore}: after that it is only read. An image's bytes never change under its id, so a
 * rendition once made is good for ever.
 */
@Component
public class Renditions {

    private final ImageStore store;
    private final ImageRepository images;
    private final ImageProperties properties;
    private final Semaphore renderers;

    Renditions(ImageStore store, ImageRepository images, ImageProperties properties) {
        this.store = store;
        this.images = images;
        this.properties = properties;
        // Making a rendition takes a core for a moment; a page of new pictures must not take them all.
        this.renderers = new Semaphore(properties.renderers(), true);
    }

    public static String masterKey(long imageId) {
        return "masters/" + imageId + ".jpg";
    }

    static String key(long imageId, ImageCrop crop, int width, ImageFormat format) {
        String shape = crop == ImageCrop.ORIGINAL ? "original" : crop.path();
        return "renditions/" + imageId + "/" + shape + "-" + width + "." + format.extension();
    }

    /** The rendition, if the image exists and is served at that width; empty otherwise. */
    public Optional<ImageRendition> of(long imageId, ImageCrop crop, int width, ImageFormat format) {
        Optional<ImageRef> found = images.find(imageId);
        if (found.isEmpty() || !found.get().offers(width)) {
            return Optional.empty();
        }
        ImageRef image = found.get();
        String key = key(imageId, crop, width, format);
        Optional<byte[]> kept = store.read(key);
        if (kept.isPresent()) {
            return Optional.of(new ImageRendition(imageId, crop, width, format, kept.get()));
        }
        renderers.acquireUninterruptibly();
        try {
            // Another request may have made it while this one waited.
            Optional<byte[]> madeMeanwhile = store.read(key);
            if (madeMeanwhile.isPresent()) {
                return Optional.of(new ImageRendition(imageId, crop, width, format, madeMeanwhile.get()));
            }
            Optional<byte[]> masterBytes = store.read(masterKey(imageId));
            if (masterBytes.isEmpty()) {
                return Optional.empty();
            }
            BufferedImage master = ImageRenditions.decode(masterBytes.get());
            float quality = format == ImageFormat.WEBP ? properties.webpQuality() : properties.jpegQuality();
            byte[] bytes = ImageRenditions.render(master, image, crop, width, format, quality);
            store.write(key, bytes);
            return Optional.of(new ImageRendition(imageId, crop, width, format, bytes));
        } finally {
            renderers.release();
        }
    }
}
