package org.masthead.platform.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Admission;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a bounded number of requests at a time past the page cache into the application; the others
 * wait their turn in order of arrival, and one that has waited too long is answered 503 with {@code
 * Retry-After}, having changed nothing.
 *
 * <p>Without it a burst beyond what the node can do collapses it instead of queueing: every request
 * Jetty has a thread for (200 by default) runs at once, and each takes a pooled database connection
 * several times (the session, a rate limit, its transaction, the session again). Hundreds of requests
 * then share twenty connections, all of them slow, many timing out after work was done, and the node does not recover
 * while the burst lasts. Admitted in order, the first ones finish at full speed and a backlog drains.
 *
 * <p>It sits after the page cache, which answers most readers without touching the database. A streamed
 * response holds its turn only while it is set up. Two kinds of request pass by. Uploads: their bodies
 * may take a slow connection minutes to arrive, and a handful of them would otherwise hold every turn.
 * And the operations endpoints: a liveness probe that queued behind a burst would have a busy node
 * restarted, just when it is needed most.
 *
 * <p>A request that waits for a service elsewhere lends its turn while it waits ({@link Admission}): a comment
 * spends most of its time waiting for the toxicity scorer, and twelve turns held through 30 ms waits allowed
 * fewer than 300 comments a second on CPUs that were a third idle. Back from its wait, it goes before the
 * requests that have not begun ({@link Turns}).
 */
class AdmissionFilter extends OncePerRequestFilter implements Admission {

    private final Turns turns;
    private final ThreadLocal<@Nullable Boolean> holding = new ThreadLocal<>();
    private final long maxWaitNanos;
    private final Counter refusals;

    AdmissionFilter(ConcurrencyProperties properties, MeterRegistry meters) {
        this.turns = new Turns(properties.requests());
        this.maxWaitNanos = properties.requestWait().toNanos();
        this.refusals = meters.counter("masthead.admission.refusals");
        Gauge.builder("masthead.admission.waiting", turns, Turns::waiting)
                .description("requests waiting for their turn")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return (type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length()))
                || request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = turns.take(maxWaitNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refusals.increment();
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            return;
        }
        holding.set(Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } finally {
            holding.remove();
            turns.give();
        }
    }

    @Override
    public void whileWaiting(Runnable wait) {
        if (holding.get() == null) {
            wait.run();
            return;
        }
        // Lent once: a wait within the wait has no turn left to lend.
        holding.remove();
        turns.give();
        try {
            wait.run();
        } finally {
            // The request has work done that only it can finish: it goes first, and is never refused.
            turns.takeBack();
            holding.set(Boolean.TRUE);
        }
    }
}
