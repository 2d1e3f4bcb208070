package org.masthead.platform.internal;

import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.jspecify.annotations.Nullable;

/**
 * A rendered public page: its body plain and gzipped, and the headers to send with it.
 *
 * @param etag the strong validator of the plain body
 * @param gzipEtag the gzipped body's, derived from it
 * @param length the plain body's {@code Content-Length}, and {@code gzipLength} the gzipped body's
 */
record CachedPage(
        int status,
        byte[] body,
        byte[] gzippedBody,
        Header etag,
        Header gzipEtag,
        Header length,
        Header gzipLength,
        long lastModified,
        List<Header> headers,
        Set<String> surrogateKeys) {

    static CachedPage of(
            byte[] body,
            byte[] gzippedBody,
            String etag,
            long lastModified,
            List<Header> headers,
            Set<String> surrogateKeys) {
        String gzipEtag = etag.substring(0, etag.length() - 1) + "-gz\"";
        return new CachedPage(
                200,
                body,
                gzippedBody,
                Header.of("ETag", etag),
                Header.of("ETag", gzipEtag),
                Header.of("Content-Length", String.valueOf(body.length)),
                Header.of("Content-Length", String.valueOf(gzippedBody.length)),
                lastModified,
                List.copyOf(headers),
                Set.copyOf(surrogateKeys));
    }

    int weight() {
        return body.length + gzippedBody.length + 512;
    }

    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        return acceptEncoding != null && acceptEncoding.contains("gzip");
    }

    /**
     * Whether a client holding this page may be told it has not changed.
     *
     * @param ifModifiedSince milliseconds since the epoch, or -1 when the client sent none (or nonsense)
     */
    boolean notModified(@Nullable String ifNoneMatch, long ifModifiedSince) {
        if (ifNoneMatch != null) {
            return ifNoneMatch.contains(etag.value())
                    || ifNoneMatch.contains(gzipEtag.value())
                    || ifNoneMatch.equals("*");
        }
        return lastModified > 0 && ifModifiedSince >= lastModified / 1000 * 1000;
    }

    /**
     * A header as it goes on the wire (ISO-8859-1, control characters but tab made spaces), encoded
     * once when the page is kept rather than for every response.
     */
    record Header(String name, String value, PreEncodedHttpField field) {

        static Header of(String name, String value) {
            String safe = onTheWire(value);
            return new Header(name, safe, new PreEncodedHttpField(name, safe));
        }

        private static String onTheWire(String text) {
            StringBuilder safe = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                safe.append((c <= 31 && c != 9) || c == 127 || c > 255 ? ' ' : c);
            }
            return safe.toString();
        }
    }
}
