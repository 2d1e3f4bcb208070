package org.masthead.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The CSRF token a page's script sends with its changes, as a header: cached pages carry none, so a
 * script asks for it in its personal JSON (which includes this as {@code csrf}).
 */
public record CsrfHeader(String header, String token) {

    /** The token of this request's session, or null when it has none. */
    public static @Nullable CsrfHeader of(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token
                ? new CsrfHeader(token.getHeaderName(), token.getToken())
                : null;
    }
}
