package org.masthead.platform;

/**
 * A route whose response is a long-lived stream, such as server-sent events. A module declares a bean
 * of this type next to the route; the page cache then passes its requests by, since it would otherwise
 * hold the stream back to keep a copy.
 *
 * @param path the exact request path, such as {@code /live}
 */
public record StreamedRoute(String path) {

    public StreamedRoute {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A streamed route is a path, not " + path);
        }
    }
}
