package org.masthead.platform.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rendered public page: its body plain and gzipped, and the headers to send with it.
 *
 * @param etag the strong validator of the plain body; the gzipped body's is derived from it
 */
record CachedPage(
        int status,
        byte[] body,
        byte[] gzippedBody,
        String etag,
        long lastModified,
        List<Map.Entry<String, String>> headers,
        Set<String> surrogateKeys) {

    String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    int weight() {
        return body.length + gzippedBody.length + 512;
    }
}
