package org.masthead.platform;

import org.springframework.util.unit.DataSize;

/**
 * A route that takes bodies of another size than {@code masthead.web.max-body-size}, such as an API
 * that receives whole documents. A module declares a bean of this type next to the route; larger bodies
 * are refused with 413 before anything reads them, as every other body is at the usual limit.
 *
 * @param path the exact request path, such as {@code /api/wires}
 */
public record BodyLimit(String path, DataSize maxSize) {

    public BodyLimit {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A body limit is for a path, not " + path);
        }
        if (maxSize.toBytes() < 1) {
            throw new IllegalArgumentException("A body limit must be at least 1 byte");
        }
    }
}
