package org.masthead.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The session store as Spring Session's filter sees it, spared two round trips of every signed-in request.
 *
 * <ul>
 *   <li><b>Read once.</b> The filter saves the session when the response is committed and again when the
 *       request ends, and forgets in between what it read: each signed-in request read its session row twice
 *       (spring-projects/spring-session#1731). Within a request that {@link #scope} wraps, a session found
 *       by id is remembered until it is deleted or its id changes.
 *   <li><b>Written when it changed.</b> The filter marks every request as activity, and the store wrote the
 *       session row back for each one. A session whose attributes, id and lifetime are as they were read is
 *       written back only once its last recorded activity is {@link #ACTIVITY_RECORDED_EVERY} old: an idle
 *       session may so end up to that much sooner than its timeout says.
 *   <li><b>Read without a transaction.</b> Spring Session reads a session, one SELECT, in a transaction of its
 *       own, whose COMMIT was a second round trip for every signed-in request. {@link Transactions} runs the
 *       reads this store asks for without one, and everything else (the writes of several rows) in one.
 * </ul>
 */
final class FrugalSessionStore<S extends Session>
        implements FindByIndexNameSessionRepository<FrugalSessionStore.Tracked<S>> {

    static final Duration ACTIVITY_RECORDED_EVERY = Duration.ofMinutes(1);

    private static final ThreadLocal<@Nullable Map<String, Tracked<?>>> READ = new ThreadLocal<>();
    private static final ThreadLocal<@Nullable Boolean> READING = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<S> store;

    FrugalSessionStore(FindByIndexNameSessionRepository<S> store) {
        this.store = store;
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable Tracked<S> findById(String id) {
        Map<String, Tracked<?>> read = READ.get();
        if (read == null) {
            return track(read(id));
        }
        Tracked<?> known = read.get(id);
        if (known != null && known.getId().equals(id)) {
            return (Tracked<S>) known;
        }
        Tracked<S> found = track(read(id));
        if (found == null) {
            read.remove(id);
        } else {
            read.put(id, found);
        }
        return found;
    }

    private @Nullable S read(String id) {
        READING.set(Boolean.TRUE);
        try {
            return store.findById(id);
        } finally {
            READING.remove();
        }
    }

    @Override
    public void deleteById(String id) {
        Map<String, Tracked<?>> read = READ.get();
        if (read != null) {
            read.remove(id);
        }
        store.deleteById(id);
    }

    @Override
    public Tracked<S> createSession() {
        Tracked<S> created = new Tracked<>(store.createSession());
        created.changed = true;
        return created;
    }

    @Override
    public void save(Tracked<S> session) {
        if (session.changed
                || session.getLastAccessedTime().isAfter(session.activityRecorded.plus(ACTIVITY_RECORDED_EVERY))) {
            store.save(session.stored);
            session.changed = false;
            session.activityRecorded = session.getLastAccessedTime();
        }
    }

    @Override
    public Map<String, Tracked<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return store.findByIndexNameAndIndexValue(indexName, indexValue).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> new Tracked<>(entry.getValue())));
    }

    private @Nullable Tracked<S> track(@Nullable S stored) {
        return stored == null ? null : new Tracked<>(stored);
    }

    /** A stored session that knows whether anything but its last activity changed since it was read. */
    static final class Tracked<S extends Session> implements Session {

        private final S stored;
        private Instant activityRecorded;
        private boolean changed;

        private Tracked(S stored) {
            this.stored = stored;
            this.activityRecorded = stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, @Nullable Object attributeValue) {
            changed = true;
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }

    /**
     * The transactions Spring Session's store runs its statements in: none while this store reads a
     * session (a SELECT, and should the session have expired, a DELETE), and otherwise a new one, as Spring
     * Session's own default.
     */
    static final class Transactions implements TransactionOperations {

        private final TransactionTemplate own;

        Transactions(PlatformTransactionManager transactions) {
            this.own = new TransactionTemplate(transactions);
            own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }

        @Override
        public <T> @Nullable T execute(TransactionCallback<T> action) {
            return READING.get() == null
                    ? own.execute(action)
                    : TransactionOperations.withoutTransaction().execute(action);
        }
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
