package org.masthead.platform.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * A rendered public page: its body plain and gzipped, and the headers to send with it.
 *
 * @param etag the strong validator of the plain body
 * @param gzipEtag the gzipped body's, derived from it
 */
record CachedPage(
        int status,
        byte[] body,
        byte[] gzippedBody,
        Header etag,
        Header gzipEtag,
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
                lastModified,
                List.copyOf(headers),
                Set.copyOf(surrogateKeys));
    }

    int weight() {
        return body.length + gzippedBody.length + 512;
    }

    /**
     * A header with its bytes as Tomcat would write them (ISO-8859-1, control characters but tab
     * made spaces), made once when the page is kept rather than for every response.
     */
    record Header(String name, String value, byte[] nameBytes, byte[] valueBytes) {

        static Header of(String name, String value) {
            return new Header(name, value, onTheWire(name), onTheWire(value));
        }

        private static byte[] onTheWire(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < bytes.length; i++) {
                if ((bytes[i] >= 0 && bytes[i] <= 31 && bytes[i] != 9) || bytes[i] == 127) {
                    bytes[i] = ' ';
                }
            }
            return bytes;
        }
    }
}
