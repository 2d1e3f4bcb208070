package org.masthead.platform.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.masthead.platform.RateLimit;
import org.masthead.platform.RateLimitProperties;
import org.masthead.platform.RateLimitedRoute;
import org.masthead.platform.RateLimitedRoutes;
import org.masthead.platform.RateLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    /**
     * Just before Spring Security's filters, so a refused request costs no password check; after the
     * page cache, which serves only reads.
     */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimits limits,
            List<RateLimitedRoutes> declared,
            List<RateLimit> appliedByServices,
            RateLimitProperties properties,
            SecurityFilterProperties securityFilter,
            MeterRegistry meters) {
        List<RateLimitedRoute> routes =
                declared.stream().flatMap(d -> d.routes().stream()).toList();
        checkLimits(routes, appliedByServices, properties);
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limits, routes, meters));
        registration.setOrder(securityFilter.getOrder() - 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Marks the request in which someone signed in, for the filter to give back what their attempt
     * took from a limit on failed sign-ins. Spring Security publishes the event on the request's own
     * thread.
     */
    @EventListener
    void markSuccessfulSignIn(AuthenticationSuccessEvent event) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(RateLimitFilter.SIGNED_IN, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /**
     * Routes that share a limit share its buckets, so they must agree on what it is; and a property
     * naming no limit is most likely a typo that would leave a limit at its default unnoticed.
     */
    private static void checkLimits(
            List<RateLimitedRoute> routes, List<RateLimit> appliedByServices, RateLimitProperties properties) {
        Map<String, RateLimit> byName = new HashMap<>();
        appliedByServices.forEach(limit -> byName.put(limit.name(), limit));
        for (RateLimitedRoute route : routes) {
            RateLimit earlier = byName.putIfAbsent(route.limit().name(), route.limit());
            if (earlier != null && !earlier.equals(route.limit())) {
                throw new IllegalStateException("Rate limit %s is declared twice, differently: %s and %s"
                        .formatted(earlier.name(), earlier, route.limit()));
            }
        }
        Set<String> unknown = properties.rateLimits().keySet().stream()
                .filter(name -> !byName.containsKey(name))
                .collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            log.warn(
                    "masthead.rate-limits names limits that no route has: {}; the known ones are {}",
                    unknown,
                    byName.keySet());
        }
    }
}
