package org.masthead.platform.internal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.masthead.platform.RateLimit;
import org.masthead.platform.RateLimitedRoute;
import org.masthead.platform.RateLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts each request to a rate-limited route, and answers one over its limit with 429 and {@code
 * Retry-After} before Spring Security or any handler sees it: a refused request changes nothing.
 * The error page then tells a person how long to wait, or an API client in problem+json.
 *
 * <p>Routes are matched as the security rules match them, so that a path the sign-in filter would
 * take cannot slip past here spelled differently. A route may instead hold a request over its limit
 * for a moment and let it go on (see {@link RateLimitedRoute#slowingDownBy}); such routes are best
 * declared after those that refuse, so that a request about to be refused is not held first.
 */
class RateLimitFilter extends OncePerRequestFilter {

    /** Set on the request when someone signed in during it (see {@link RateLimitConfiguration}). */
    static final String SIGNED_IN = RateLimitFilter.class.getName() + ".SIGNED_IN";

    private record MatchedRoute(RequestMatcher matcher, RateLimitedRoute route) {}

    private record Taken(RateLimit limit, String key) {}

    private final RateLimits limits;
    private final List<MatchedRoute> routes;
    private final MeterRegistry meters;

    RateLimitFilter(RateLimits limits, List<RateLimitedRoute> routes, MeterRegistry meters) {
        this.limits = limits;
        this.meters = meters;
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.routes = routes.stream()
                .map(route -> new MatchedRoute(paths.matcher(route.method(), route.path()), route))
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<Taken> signInAttempts = new ArrayList<>();
        for (MatchedRoute matched : routes) {
            if (!matched.matcher().matches(request)) {
                continue;
            }
            RateLimitedRoute route = matched.route();
            String key = route.key().of(request);
            if (key == null) {
                continue;
            }
            RateLimits.Outcome outcome = limits.tryConsume(route.limit(), key);
            if (!outcome.allowed() && route.slowdown().isPositive()) {
                meters.counter(
                                "masthead.rate.limit.slowdowns",
                                "limit",
                                route.limit().name())
                        .increment();
                // Nothing was taken, so there is nothing to give back if this one succeeds.
                hold(outcome.retryAfter().compareTo(route.slowdown()) < 0 ? outcome.retryAfter() : route.slowdown());
                continue;
            }
            if (!outcome.allowed()) {
                // The attempt is refused before any password is checked, so it is not a failed one.
                signInAttempts.forEach(taken -> limits.giveBack(taken.limit(), taken.key()));
                // A rising count is how an attack, or a limit set too low, shows on the dashboards.
                meters.counter(
                                "masthead.rate.limit.refusals",
                                "limit",
                                route.limit().name())
                        .increment();
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(outcome.retryAfterSeconds()));
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
                return;
            }
            if (route.charge() == RateLimitedRoute.Charge.FAILED_SIGN_IN) {
                signInAttempts.add(new Taken(route.limit(), key));
            }
        }
        chain.doFilter(request, response);
        if (request.getAttribute(SIGNED_IN) != null) {
            signInAttempts.forEach(taken -> limits.giveBack(taken.limit(), taken.key()));
        }
    }

    /** Requests run on virtual threads: a held one parks, and holds no platform thread. */
    private static void hold(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
