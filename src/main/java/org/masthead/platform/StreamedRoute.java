package org.masthead.platform;

/**
 * A route whose response is a long-lived stream, such as server-sent events. A module declares a bean
 * of this type next to the route. The page cache passes its requests by, since it would otherwise hold
 * the stream back to keep a copy. And its requests reach the application without the visitor's
 * cookies: a stream that reconnects every few minutes would otherwise count as use of the visitor's
 * session and keep it alive for as long as a page stays open, staff sessions' short idle limit
 * included. A stream that must know who is reading carries its own credential.
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
