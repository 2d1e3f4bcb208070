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
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.PublicPages;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves public pages from memory, and keeps each one the application marks as public (see
 * {@link PublicPages}). It stands first in the filter chain: a cached page costs a map lookup and a
 * write, whatever the framework behind it would have done.
 *
 * <p>It also answers conditional requests (ETag and Last-Modified) with 304, and gives gzip to
 * clients that accept it.
 */
class PageCacheFilter extends OncePerRequestFilter {

    /** Headers that belong to one response, not to the page. */
    private static final Set<String> NOT_REPLAYED = Set.of(
            "set-cookie",
            "content-length",
            "content-encoding",
            "transfer-encoding",
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
        boolean get = "GET".equals(request.getMethod());
        if (!get && !"HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String key = keyOf(request);
        CachedPage cached = cache.get(key);
        if (cached != null) {
            serve(cached, request, response);
            return;
        }
        if (!get) {
            chain.doFilter(request, response);
            return;
        }
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

    private static String keyOf(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
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
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
        }
        headers.add(Map.entry("Content-Type", response.getContentType()));
        headers.add(Map.entry("Vary", "Accept-Encoding"));
        String lastModified = response.getHeader("Last-Modified");
        long lastModifiedMillis = lastModified == null ? -1 : parseHttpDate(lastModified);
        return new CachedPage(
                200,
                body,
                gzip(body),
                etagOf(body),
                lastModifiedMillis,
                List.copyOf(headers),
                Set.of(surrogateKeys.split(" ")));
    }

    private static void serve(CachedPage page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean gzip = acceptsGzip(request);
        String etag = gzip ? page.gzipEtag() : page.etag();
        for (Map.Entry<String, String> header : page.headers()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        response.setHeader("ETag", etag);
        if (notModified(request, page)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? page.gzippedBody() : page.body();
        response.setStatus(page.status());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static boolean notModified(HttpServletRequest request, CachedPage page) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return ifNoneMatch.contains(page.etag())
                    || ifNoneMatch.contains(page.gzipEtag())
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
