package org.masthead.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands requests to streamed routes ({@link org.masthead.platform.StreamedRoute}) on without their
 * cookies, ahead of the session filter, so that nothing on the way (remember-me, flash attributes,
 * the session filter itself) reads the visitor's session and so prolongs it. It applies to the
 * stream's closing (async) dispatch as well.
 */
class StreamedRouteFilter extends OncePerRequestFilter {

    private final Set<String> paths;

    StreamedRouteFilter(Set<String> paths) {
        this.paths = Set.copyOf(paths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.contains(request.getRequestURI());
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new WithoutCookies(request), response);
    }

    private static final class WithoutCookies extends HttpServletRequestWrapper {

        WithoutCookies(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Cookie @Nullable [] getCookies() {
            return null;
        }

        @Override
        public @Nullable String getHeader(String name) {
            return isCookie(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isCookie(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public @Nullable String getRequestedSessionId() {
            return null;
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return false;
        }

        @Override
        public boolean isRequestedSessionIdFromCookie() {
            return false;
        }

        private static boolean isCookie(String name) {
            return "Cookie".equalsIgnoreCase(name);
        }
    }
}
