package org.masthead.platform.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.masthead.platform.AccessRules;
import org.masthead.platform.ContentSecurityPolicy;
import org.masthead.platform.WebSecurityContribution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * One filter chain for the whole site. Routes are opened by each module's {@link AccessRules};
 * anything no module names is denied, except an address nothing serves, which is left to be answered
 * 404 (see {@link UnservedPaths}).
 */
@Configuration(proxyBeanMethods = false)
// Factors add up: a second sign-in adds its factor to the first instead of replacing it. Which
// routes need two factors is each module's rule (see accounts' StaffAccess).
@EnableMultiFactorAuthentication(authorities = {})
class SecurityConfiguration {

    /**
     * What every page is sent beside its content, as the chain's own header settings below send it; for
     * the error pages of requests the chain never saw (see {@link ErrorPages}). HSTS is the chain's alone:
     * it is sent only over HTTPS, which the chain knows.
     */
    static final List<HeaderWriter> PAGE_HEADERS = List.of(
            new XContentTypeOptionsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
            new ContentSecurityPolicyHeaderWriter(ContentSecurityPolicy.PAGES),
            new ReferrerPolicyHeaderWriter(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));

    /**
     * Observes sign-ins, not every filter or access decision of every request: wrapping each of the chain's
     * filters in an observation cost more than most requests' own work, and observing each request's access
     * decision was 3% of the CPU of posting a comment. A refused request is still counted by its status in
     * {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveAuthorizations(false)
                .build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            List<WebSecurityContribution> contributions,
            List<AccessRules> rules,
            HandlerMappingIntrospector handlers)
            throws Exception {
        for (WebSecurityContribution contribution : contributions) {
            contribution.contribute(http);
        }
        RouteRules routeRules = new RouteRules(new UnservedPaths(handlers));
        http.authorizeHttpRequests(routes -> {
            // HEAD asks what GET would answer, without the body: whoever may GET an address may HEAD it. And
            // OPTIONS only says which methods an address takes (the dispatcher answers with Allow, running
            // nothing), so asking it is no sign-in matter.
            routes.requestMatchers(HttpMethod.HEAD).access(routeRules.asForGet());
            routes.requestMatchers(HttpMethod.OPTIONS).permitAll();
            rules.forEach(rule -> rule.configure(routes));
            // An address nothing serves is a 404 for everyone, not a sign-in page for some.
            routes.requestMatchers(routeRules.unserved()).access(routeRules.leftToTheDispatcher());
            routes.anyRequest().denyAll();
            routes.withObjectPostProcessor(routeRules);
        });
        // A form refused for its CSRF token (open too long, or sent from another site) is told apart on the
        // error page from a page the visitor's account does not open: Spring's handler keeps the refusal to
        // itself. Only the CSRF filter's handler is replaced; the one that asks staff for a second factor stays.
        // A request that no rule names and nothing serves by its method runs nothing: the dispatcher answers it
        // 404, or 405 with Allow. Its missing token is no forgery, and a visitor who never signed in is not
        // told that their form had expired. Everything a controller or a sign-in filter serves keeps its check.
        // The error page, shown for a request already refused, changes nothing and reads nothing it sent (an
        // upload refused for its size is never read at all).
        http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(new AndRequestMatcher(
                        CsrfFilter.DEFAULT_CSRF_MATCHER,
                        routeRules::servedOrNamed,
                        request -> request.getDispatcherType() != DispatcherType.ERROR))
                .withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                    @Override
                    public <F extends CsrfFilter> F postProcess(F filter) {
                        filter.setAccessDeniedHandler((request, response, denied) -> {
                            request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
                            if (!response.isCommitted()) {
                                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                            }
                        });
                        return filter;
                    }
                }));
        http.with(new ProgramsNotSignedIn(), Customizer.withDefaults());
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.PAGES))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * The error page renders for every status, whoever asked. Health is public for load balancers;
     * metrics are guarded by their own bearer token (see {@link OperationsAccessFilter}).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    AccessRules platformRules() {
        return routes -> routes.requestMatchers("/error")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                .permitAll();
    }

    /**
     * A program (see {@link ProblemClients}) that is not signed in is told so in problem details, 401: a
     * redirect to the sign-in page would answer it with HTML it cannot use. Registered when the chain is
     * built, after the sign-in page's own entry point, which stays the one for everyone else.
     */
    private static final class ProgramsNotSignedIn extends AbstractHttpConfigurer<ProgramsNotSignedIn, HttpSecurity> {

        @Override
        public void init(HttpSecurity http) {
            http.getConfigurer(ExceptionHandlingConfigurer.class)
                    .defaultAuthenticationEntryPointFor(
                            (request, response, refused) -> response.sendError(HttpServletResponse.SC_UNAUTHORIZED),
                            request -> ProblemClients.asking(request, request.getRequestURI()));
        }
    }
}
