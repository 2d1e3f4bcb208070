package org.masthead.platform;

import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A route that takes bodies of another size than {@code masthead.web.max-body-size}, such as an API
 * that receives whole documents, or the newsroom's article form, which carries a long read. A module
 * declares a bean of this type next to the route; larger bodies are refused with 413 before anything
 * reads them, as every other body is at the usual limit.
 *
 * @param path the request path, such as {@code /api/wires}, or a pattern of paths written as the
 *     controller's mapping is, such as {@code /newsroom/articles/{id}/autosave}
 */
public record BodyLimit(String path, DataSize maxSize) {

    public BodyLimit {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A body limit is for a path, not " + path);
        }
        if (maxSize.toBytes() < 1) {
            throw new IllegalArgumentException("A body limit must be at least 1 byte");
        }
        // A mistyped pattern fails the start, not the first request.
        PathPatternParser.defaultInstance.parse(path);
    }
}
