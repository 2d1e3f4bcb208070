package org.masthead.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** Spring Session's own filter in front of a store that counts its reads and writes. */
class FrugalSessionStoreTest {

    private final CountingStore store = new CountingStore();
    private final SessionRepositoryFilter<FrugalSessionStore.Tracked<MapSession>> sessions =
            new SessionRepositoryFilter<>(new FrugalSessionStore<>(store));

    @Test
    void aSignedInRequestWhoseResponseIsCommittedEarlyReadsItsSessionOnce() throws Exception {
        String id = signIn();
        store.reads.set(0);

        MockHttpServletResponse response = request(id, (request, servletResponse) -> {
            request.getSession(false).setAttribute("seen", "front page");
            servletResponse.getWriter().write("page");
            servletResponse.flushBuffer();
        });

        assertThat(response.getContentAsString()).isEqualTo("page");
        assertThat(store.reads).hasValue(1);
        assertThat(store.findById(id).<String>getAttribute("seen")).isEqualTo("front page");
    }

    @Test
    void eachRequestReadsTheSessionAfresh() throws Exception {
        String id = signIn();
        store.reads.set(0);

        request(id, (request, response) -> request.getSession(false));
        MapSession elsewhere = store.findById(id);
        elsewhere.setAttribute("changed elsewhere", "yes");
        store.save(elsewhere);
        store.reads.set(0);
        String[] seen = new String[1];
        request(
                id,
                (request, response) ->
                        seen[0] = (String) request.getSession(false).getAttribute("changed elsewhere"));

        assertThat(seen[0]).isEqualTo("yes");
        assertThat(store.reads).hasValue(1);
    }

    @Test
    void aSessionSignedOutDuringTheRequestIsNotFoundAgain() throws Exception {
        String id = signIn();

        MockHttpServletResponse response = request(id, (request, servletResponse) -> {
            request.getSession(false).invalidate();
            servletResponse.flushBuffer();
        });

        assertThat(store.findById(id)).isNull();
        assertThat(response.getCookie("SESSION")).extracting(Cookie::getMaxAge).isEqualTo(0);
    }

    @Test
    void aSessionWhoseIdChangedIsNotFoundByItsOldIdEvenWithinTheRequest() throws Exception {
        String id = signIn();
        String[] newId = new String[1];
        Object[] foundByOldId = {"not asked"};

        request(id, (request, response) -> {
            request.getSession(false);
            newId[0] = request.changeSessionId();
            response.flushBuffer();
            var repository = (FindByIndexNameSessionRepository<?>)
                    request.getAttribute(SessionRepositoryFilter.SESSION_REPOSITORY_ATTR);
            foundByOldId[0] = repository.findById(id);
        });

        assertThat(newId[0]).isNotEqualTo(id);
        assertThat(foundByOldId[0]).isNull();
        assertThat(store.findById(newId[0])).isNotNull();
    }

    @Test
    void aRequestThatOnlyReadsTheSessionWritesNothingBackWithinAMinuteOfTheLastActivityRecorded() throws Exception {
        String id = signIn();
        store.writes.set(0);

        request(id, (request, response) -> request.getSession(false).getAttribute("account"));
        request(id, (request, response) -> request.getSession(false).getAttribute("account"));

        assertThat(store.writes).hasValue(0);
    }

    @Test
    void activityIsRecordedOnceTheLastRecordedIsAMinuteOld() throws Exception {
        String id = signIn();
        MapSession stored = store.findById(id);
        Instant longAgo =
                Instant.now().minus(FrugalSessionStore.ACTIVITY_RECORDED_EVERY).minusSeconds(5);
        stored.setLastAccessedTime(longAgo);
        store.save(stored);
        store.writes.set(0);

        request(id, (request, response) -> request.getSession(false).getAttribute("account"));

        assertThat(store.writes).hasValue(1);
        assertThat(store.findById(id).getLastAccessedTime()).isAfter(longAgo.plusSeconds(5));
    }

    @Test
    void aChangedSessionIsWrittenBackAtOnceAndOnlyOnce() throws Exception {
        String id = signIn();
        store.writes.set(0);

        request(id, (request, response) -> {
            request.getSession(false).setMaxInactiveInterval(30 * 24 * 3600);
            response.flushBuffer();
        });

        assertThat(store.writes).hasValue(1);
        assertThat(store.findById(id).getMaxInactiveInterval()).isEqualTo(Duration.ofDays(30));
    }

    private String signIn() throws Exception {
        MockHttpServletResponse response =
                request(null, (request, servletResponse) -> request.getSession().setAttribute("account", "7"));
        return new String(java.util.Base64.getDecoder()
                .decode(response.getCookie("SESSION").getValue()));
    }

    private MockHttpServletResponse request(@Nullable String sessionId, Page page)
            throws IOException, ServletException {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        if (sessionId != null) {
            request.setCookies(
                    new Cookie("SESSION", java.util.Base64.getEncoder().encodeToString(sessionId.getBytes())));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain chain = new MockFilterChain(
                new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                        page.serve(req, resp);
                    }
                },
                sessions);
        FrugalSessionStore.scope().doFilter(request, response, chain);
        return response;
    }

    private interface Page {
        void serve(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {

        private final MapSessionRepository sessions = new MapSessionRepository(new HashMap<>());
        private final AtomicInteger reads = new AtomicInteger();
        private final AtomicInteger writes = new AtomicInteger();

        @Override
        public MapSession createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(MapSession session) {
            writes.incrementAndGet();
            sessions.save(session);
        }

        @Override
        public @Nullable MapSession findById(String id) {
            reads.incrementAndGet();
            return sessions.findById(id);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
