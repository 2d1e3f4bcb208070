package org.masthead.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No address of the site ends in a slash, but links to it do (typed, pasted, or made by other sites'
 * software): a page asked for with one is sent to its address without, for good, as any other near
 * miss is. Only for reading: a form's action is ours, and a redirect would lose what it sent.
 */
class TrailingSlashes extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        return !(method.equals("GET") || method.equals("HEAD")) || path.length() < 2 || !path.endsWith("/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Leading slashes are one as well: "//example.org/" must not become a link to another site.
        String path = "/" + request.getRequestURI().replaceAll("^/+|/+$", "");
        String query = request.getQueryString();
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", query == null ? path : path + "?" + query);
    }
}
