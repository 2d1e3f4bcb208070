package org.masthead.newsroom;

import java.util.Optional;

/**
 * Where image files live: each upright master as uploaded, and every rendition made from it, once. The
 * default keeps them in the data directory ({@code masthead.images.dir}); a deployment of several nodes
 * points that at a shared folder, or declares a bean of its own (an object store, say), marked
 * {@code @Primary}.
 *
 * <p>Keys are relative paths of lower-case letters, digits, dots, hyphens and slashes.
 */
public interface ImageStore {

    /** Stores the bytes under the key, replacing any there; readers see the old bytes or the new, never a part. */
    void write(String key, byte[] bytes);

    Optional<byte[]> read(String key);
}
