package org.masthead.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * Marks a response as a public page: the same bytes for every visitor, so browsers, CDNs and our own
 * page cache may keep it until its content changes.
 *
 * <p>Each page names the content it shows as surrogate keys (such as {@code article-12} or
 * {@code section-3}); {@link PageCache#evict} with any of them drops the page everywhere.
 */
@Component
public class PublicPages {

    /** The header by which CDNs such as Fastly and Varnish purge pages by key. */
    public static final String SURROGATE_KEY = "Surrogate-Key";

    private final String cacheControl;

    PublicPages(PageCacheProperties properties) {
        this.cacheControl = properties.cacheControl();
    }

    public void mark(HttpServletResponse response, Instant lastModified, Collection<String> surrogateKeys) {
        response.setHeader("Cache-Control", cacheControl);
        response.setDateHeader("Last-Modified", lastModified.toEpochMilli());
        response.setHeader(SURROGATE_KEY, String.join(" ", surrogateKeys));
    }
}
