package org.masthead.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The session store, read at most once per request. Spring Session's filter saves the session when the
 * response is committed and again when the request ends, and forgets in between what it read: each
 * signed-in request read its session row twice (spring-projects/spring-session#1731). Within a request
 * that {@link #scope} wraps, a session found by id is remembered until it is deleted or its id changes.
 */
final class SessionReadOncePerRequest<S extends Session> implements FindByIndexNameSessionRepository<S> {

    private static final ThreadLocal<@Nullable Map<String, Session>> READ = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<S> store;

    SessionReadOncePerRequest(FindByIndexNameSessionRepository<S> store) {
        this.store = store;
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable S findById(String id) {
        Map<String, Session> read = READ.get();
        if (read == null) {
            return store.findById(id);
        }
        Session known = read.get(id);
        if (known != null && known.getId().equals(id)) {
            return (S) known;
        }
        S found = store.findById(id);
        if (found == null) {
            read.remove(id);
        } else {
            read.put(id, found);
        }
        return found;
    }

    @Override
    public void deleteById(String id) {
        Map<String, Session> read = READ.get();
        if (read != null) {
            read.remove(id);
        }
        store.deleteById(id);
    }

    @Override
    public S createSession() {
        return store.createSession();
    }

    @Override
    public void save(S session) {
        store.save(session);
    }

    @Override
    public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return store.findByIndexNameAndIndexValue(indexName, indexValue);
    }

    /** The filter, placed just outside Spring Session's, that bounds what a request remembers. */
    static OncePerRequestFilter scope() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (READ.get() != null) {
                    chain.doFilter(request, response);
                    return;
                }
                READ.set(new HashMap<>());
                try {
                    chain.doFilter(request, response);
                } finally {
                    READ.remove();
                }
            }

            @Override
            protected boolean shouldNotFilterAsyncDispatch() {
                return false;
            }

            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }
        };
    }
}
