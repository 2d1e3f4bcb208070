package org.masthead.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Requests that nothing in the application serves: no controller, endpoint or filter would answer
 * them but with 404. The security rules let these through so that they are answered 404, the same for
 * everyone; denied, they would send a visitor to sign in (storing a session on the way) and refuse
 * someone signed in, for a page that does not exist. So is a method a path is not served by: it is
 * answered 405, with the methods that are. A path some controller serves by this method stays denied
 * unless a module's rule opens it, whatever the parameters asked.
 *
 * <p>Asked only of requests no module's rule names, which are few (see {@link RouteRules}, which also
 * spares such a request the CSRF check: it runs nothing); the lookup leaves the request as it found it,
 * for the dispatcher to map again. A filter's own address (signing in and out) is named by a rule, so it
 * never counts as unserved here.
 */
final class UnservedPaths implements RequestMatcher {

    private final HandlerMappingIntrospector handlers;

    UnservedPaths(HandlerMappingIntrospector handlers) {
        this.handlers = handlers;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        HttpServletRequest probe = new PrivateAttributes(request);
        ServletRequestPathUtils.parseAndCache(probe);
        for (HandlerMapping mapping : handlers.getHandlerMappings()) {
            HandlerExecutionChain chain;
            try {
                chain = mapping.getHandler(probe);
            } catch (HttpRequestMethodNotSupportedException otherMethods) {
                // Served, but not by this method: nothing runs, and the dispatcher answers 405 with Allow.
                return true;
            } catch (Exception servedOtherwise) {
                // The path is served for other content: not ours to open.
                return false;
            }
            if (chain != null) {
                // Static files are public wherever they are; an address none of them has is a 404.
                return chain.getHandler() instanceof ResourceHttpRequestHandler;
            }
        }
        return true;
    }

    /** The request with attributes of its own: what a mapping sets while looking is not kept. */
    private static final class PrivateAttributes extends HttpServletRequestWrapper {

        private final Map<String, @Nullable Object> set = new HashMap<>();
        private final Set<String> removed = new HashSet<>();

        PrivateAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable Object getAttribute(String name) {
            if (set.containsKey(name)) {
                return set.get(name);
            }
            return removed.contains(name) ? null : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
            names.removeAll(removed);
            names.addAll(set.keySet());
            return Collections.enumeration(names);
        }

        @Override
        public void setAttribute(String name, @Nullable Object value) {
            set.put(name, value);
            removed.remove(name);
        }

        @Override
        public void removeAttribute(String name) {
            set.remove(name);
            removed.add(name);
        }
    }
}
