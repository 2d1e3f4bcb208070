package org.masthead.platform.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.jspecify.annotations.Nullable;

/**
 * Answers a request for a kept public page before Tomcat hands it to the web application. A cached
 * page needs none of what the application's side costs for each request (the host's and context's
 * valves, a filter chain built for the path, a servlet), so it leaves here with a map lookup and a
 * write. A page not kept goes on to {@link PageCacheFilter}, which keeps it once rendered.
 */
final class PageCacheValve extends ValveBase {

    private final InMemoryPageCache cache;

    PageCacheValve(InMemoryPageCache cache) {
        super(true);
        this.cache = cache;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String method = request.getMethod();
        // A request Tomcat could not read (a request line longer than it takes) comes here too, already
        // answered 400 and without an address, for its error page.
        boolean readable = request.getRequestURI() != null && response.getStatus() == HttpServletResponse.SC_OK;
        if (readable && ("GET".equals(method) || "HEAD".equals(method))) {
            CachedPage page = cache.get(keyOf(request));
            if (page != null) {
                serve(page, request, response);
                return;
            }
        }
        getNext().invoke(request, response);
    }

    static String keyOf(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    static void serve(CachedPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean gzip = acceptsGzip(request);
        Headers headers = response instanceof Response tomcat ? new Raw(tomcat) : new Replaced(response);
        page.headers().forEach(headers::add);
        headers.add(gzip ? page.gzipEtag() : page.etag());
        if (notModified(request, page)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? page.gzippedBody() : page.body();
        response.setStatus(page.status());
        if (gzip) {
            headers.add(GZIP);
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static final CachedPage.Header GZIP = CachedPage.Header.of("Content-Encoding", "gzip");

    private interface Headers {
        void add(CachedPage.Header header);
    }

    /**
     * A cached page's response, empty so far: each header's bytes as they were when the page was kept.
     * Given text, Tomcat encodes each header anew for every response, a fifth of a cached page's cost.
     */
    private record Raw(Response response) implements Headers {
        @Override
        public void add(CachedPage.Header header) {
            response.getCoyoteResponse()
                    .getMimeHeaders()
                    .addValue(header.nameBytes(), 0, header.nameBytes().length)
                    .setBytes(header.valueBytes(), 0, header.valueBytes().length);
        }
    }

    /** The page just rendered: its response has the page's headers already, to be replaced, not repeated. */
    private static final class Replaced implements Headers {
        private final HttpServletResponse response;
        private @Nullable String previous;

        Replaced(HttpServletResponse response) {
            this.response = response;
        }

        @Override
        public void add(CachedPage.Header header) {
            if (header.name().equals(previous)) {
                response.addHeader(header.name(), header.value());
            } else {
                response.setHeader(header.name(), header.value());
            }
            previous = header.name();
        }
    }

    private static boolean notModified(HttpServletRequest request, CachedPage page) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return ifNoneMatch.contains(page.etag().value())
                    || ifNoneMatch.contains(page.gzipEtag().value())
                    || ifNoneMatch.equals("*");
        }
        long ifModifiedSince = dateHeader(request, "If-Modified-Since");
        return page.lastModified() > 0 && ifModifiedSince >= page.lastModified() / 1000 * 1000;
    }

    private static long dateHeader(HttpServletRequest request, String name) {
        try {
            return request.getDateHeader(name);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accept = request.getHeader("Accept-Encoding");
        return accept != null && accept.contains("gzip");
    }
}
