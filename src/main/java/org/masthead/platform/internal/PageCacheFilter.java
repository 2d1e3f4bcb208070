package org.masthead.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.PublicPages;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps each page the application marks as public (see {@link PublicPages}), plain and gzipped, for
 * {@link PageCacheHandler} to serve from then on. It stands first in the filter chain, so that what it
 * keeps is the page as the application rendered it.
 */
class PageCacheFilter extends OncePerRequestFilter {

    /** Headers that belong to one response, not to the page. */
    private static final Set<String> NOT_REPLAYED = Set.of(
            "set-cookie",
            "content-length",
            "content-encoding",
            "transfer-encoding",
            "content-type",
            "date",
            "etag",
            "vary",
            "connection",
            "keep-alive",
            // The page's lang attribute says it already; one header fewer on every cached response.
            "content-language");

    private final InMemoryPageCache cache;
    private final Set<String> streamedPaths;

    PageCacheFilter(InMemoryPageCache cache, Set<String> streamedPaths) {
        this.cache = cache;
        this.streamedPaths = Set.copyOf(streamedPaths);
    }

    /** A stream is never a page to keep, and capturing it would hold it back from the client. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return streamedPaths.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString();
        String key = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        long generation = cache.generation();
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, capture);
        CachedPage page = toPage(capture);
        if (page == null) {
            capture.copyBodyToResponse();
            return;
        }
        cache.put(key, page, generation);
        serve(page, request, capture.getResponse() instanceof HttpServletResponse raw ? raw : response);
    }

    /** The page just rendered, as {@link PageCacheHandler} will send it from now on. */
    private static void serve(CachedPage page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean gzip = CachedPage.acceptsGzip(request.getHeader("Accept-Encoding"));
        // The response has the page's headers already: each is replaced, and a repeated one added again.
        String previous = null;
        for (CachedPage.Header header : page.headers()) {
            if (header.name().equals(previous)) {
                response.addHeader(header.name(), header.value());
            } else {
                response.setHeader(header.name(), header.value());
            }
            previous = header.name();
        }
        response.setHeader("ETag", (gzip ? page.gzipEtag() : page.etag()).value());
        if (page.notModified(request.getHeader("If-None-Match"), dateHeader(request, "If-Modified-Since"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? page.gzippedBody() : page.body();
        response.setStatus(page.status());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static long dateHeader(HttpServletRequest request, String name) {
        try {
            return request.getDateHeader(name);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static @Nullable CachedPage toPage(ContentCachingResponseWrapper response) {
        String surrogateKeys = response.getHeader(PublicPages.SURROGATE_KEY);
        if (response.getStatus() != 200
                || surrogateKeys == null
                || response.containsHeader("Set-Cookie")
                || response.getContentType() == null) {
            return null;
        }
        byte[] body = response.getContentAsByteArray();
        List<CachedPage.Header> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(CachedPage.Header.of(name, value));
                }
            }
        }
        headers.add(CachedPage.Header.of("Content-Type", response.getContentType()));
        headers.add(CachedPage.Header.of("Vary", "Accept-Encoding"));
        String lastModified = response.getHeader("Last-Modified");
        long lastModifiedMillis = lastModified == null ? -1 : parseHttpDate(lastModified);
        return CachedPage.of(
                body, gzip(body), etagOf(body), lastModifiedMillis, headers, Set.of(surrogateKeys.split(" ")));
    }

    private static long parseHttpDate(String value) {
        try {
            return java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return -1;
        }
    }

    private static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
