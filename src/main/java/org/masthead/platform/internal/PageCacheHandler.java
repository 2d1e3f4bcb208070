package org.masthead.platform.internal;

import java.util.concurrent.Executor;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Answers a request for a kept public page on the thread that read it, before Jetty hands anything to
 * the web application: a cached page is a map lookup and a write, and handing it to another thread
 * would cost more than the rest together. Every other request goes on to the web application on a
 * thread of the server's pool, where it may block; {@link PageCacheFilter} keeps the page once rendered.
 */
final class PageCacheHandler extends Handler.Wrapper {

    private static final PreEncodedHttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    private final InMemoryPageCache cache;

    PageCacheHandler(InMemoryPageCache cache, Handler application) {
        super(application);
        this.cache = cache;
    }

    /** Never blocks itself: what may block is run on the pool (see {@link #handle}). */
    @Override
    public Invocable.InvocationType getInvocationType() {
        return Invocable.InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            CachedPage page = cache.get(keyOf(request));
            if (page != null) {
                serve(page, request, response, callback);
                return true;
            }
        }
        Executor pool = getServer().getThreadPool();
        pool.execute(() -> {
            try {
                if (!super.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable failed) {
                callback.failed(failed);
            }
        });
        return true;
    }

    /** The same key as the application's request URI and query string make (see {@link PageCacheFilter}). */
    private static String keyOf(Request request) {
        String path = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        return query == null ? path : path + "?" + query;
    }

    private static long ifModifiedSince(Request request) {
        try {
            return request.getHeaders().getDateField(HttpHeader.IF_MODIFIED_SINCE.asString());
        } catch (IllegalArgumentException nonsense) {
            return -1;
        }
    }

    private static void serve(CachedPage page, Request request, Response response, Callback callback) {
        boolean gzip = CachedPage.acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
        HttpFields.Mutable headers = response.getHeaders();
        page.headers().forEach(header -> headers.add(header.field()));
        headers.add((gzip ? page.gzipEtag() : page.etag()).field());
        if (page.notModified(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), ifModifiedSince(request))) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            callback.succeeded();
            return;
        }
        byte[] body = gzip ? page.gzippedBody() : page.body();
        response.setStatus(page.status());
        if (gzip) {
            headers.add(GZIP);
        }
        headers.add((gzip ? page.gzipLength() : page.length()).field());
        if ("HEAD".equals(request.getMethod())) {
            callback.succeeded();
        } else {
            response.write(true, java.nio.ByteBuffer.wrap(body), callback);
        }
    }
}
