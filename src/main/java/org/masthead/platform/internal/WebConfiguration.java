package org.masthead.platform.internal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.masthead.platform.BodyLimit;
import org.masthead.platform.OperationsProperties;
import org.masthead.platform.PageCacheProperties;
import org.masthead.platform.StreamedRoute;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.filter.OncePerRequestFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(
            InMemoryPageCache cache, PageCacheProperties properties, List<StreamedRoute> streamedRoutes) {
        Set<String> streamed = streamedRoutes.stream().map(StreamedRoute::path).collect(Collectors.toSet());
        FilterRegistrationBean<PageCacheFilter> registration =
                new FilterRegistrationBean<>(new PageCacheFilter(cache, streamed));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(properties.enabled());
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Cached pages are answered by the server itself, before the web application sees the request, and
     * before the request statistics that graceful shutdown waits on (Spring Boot puts them around the
     * application after every customizer has run): a kept page is written at once, and counting it cost a
     * twentieth of it. A node told to stop stops taking requests first ({@code masthead.shutdown.drain}).
     */
    @Bean
    JettyServletWebServerFactory jettyServletWebServerFactory(InMemoryPageCache cache, PageCacheProperties properties) {
        return new JettyServletWebServerFactory() {
            @Override
            protected JettyWebServer getJettyWebServer(Server server) {
                if (properties.enabled()) {
                    server.setHandler(new PageCacheHandler(cache, server.getHandler()));
                }
                return super.getJettyWebServer(server);
            }
        };
    }

    /**
     * Requests Jetty refuses on its own get the site's error page too. An empty segment in an address
     * ({@code //example.org/}) is not refused: {@link TrailingSlashes} sends it to the address it meant.
     */
    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> siteErrorHandler() {
        return factory -> factory.addServerCustomizers(server -> {
            server.setErrorHandler(new SiteErrorHandler(server.getDescendant(ServletContextHandler.class)));
            for (var connector : server.getConnectors()) {
                HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) {
                    http.getHttpConfiguration()
                            .setUriCompliance(UriCompliance.DEFAULT.with(
                                    "masthead", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
                }
            }
        });
    }

    /**
     * One selector per core: a cached page is answered on the selector's thread that read its request
     * (see {@link PageCacheHandler}), so that is where the work of a busy site is, and one selector
     * would keep it on one core.
     */
    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> selectorPerCore() {
        return factory -> factory.setSelectors(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Before anything reads a body or a parameter (the security filters do) and before a request waits
     * for its turn: refusing costs nothing, and a refused request should not hold a turn.
     */
    @Bean
    FilterRegistrationBean<RequestInputFilter> requestInputFilter(
            WebInputProperties properties, List<BodyLimit> bodyLimits, MultipartProperties uploads) {
        FilterRegistrationBean<RequestInputFilter> registration = new FilterRegistrationBean<>(new RequestInputFilter(
                properties,
                bodyLimits,
                formLimit(properties, bodyLimits),
                uploads.getMaxRequestSize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * The server parses a form itself, and refuses to parse one longer than this: the largest limit of
     * any route, so that a route with a larger one (the article editor's) gets its form. {@link
     * RequestInputFilter} has already refused a longer body to any other path by its length, and refuses
     * a form without a length to a path whose limit is smaller.
     */
    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> formPostLimit(
            WebInputProperties properties, List<BodyLimit> bodyLimits) {
        int limit = (int) formLimit(properties, bodyLimits);
        return factory -> factory.addServerCustomizers(server -> {
            ServletContextHandler site = server.getDescendant(ServletContextHandler.class);
            site.setMaxFormContentSize(limit);
        });
    }

    private static long formLimit(WebInputProperties properties, List<BodyLimit> bodyLimits) {
        return bodyLimits.stream()
                .mapToLong(limit -> limit.maxSize().toBytes())
                .reduce(properties.maxBodySize().toBytes(), Math::max);
    }

    /** After the page cache and before anything that reads the database, the session filter first. */
    @Bean
    AdmissionFilter admission(ConcurrencyProperties properties, MeterRegistry meters) {
        return new AdmissionFilter(properties, meters);
    }

    @Bean
    FilterRegistrationBean<AdmissionFilter> admissionFilter(AdmissionFilter admission) {
        FilterRegistrationBean<AdmissionFilter> registration = new FilterRegistrationBean<>(admission);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Before the session filter, so that streams never see, nor prolong, a session. */
    @Bean
    FilterRegistrationBean<StreamedRouteFilter> streamedRouteFilter(List<StreamedRoute> streamedRoutes) {
        Set<String> streamed = streamedRoutes.stream().map(StreamedRoute::path).collect(Collectors.toSet());
        FilterRegistrationBean<StreamedRouteFilter> registration =
                new FilterRegistrationBean<>(new StreamedRouteFilter(streamed));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    /**
     * Spring Session's own store, wrapped to read a session once per request, without a transaction, and
     * write it back only when needed.
     */
    @Bean
    static BeanPostProcessor frugalSessionStore(ObjectProvider<PlatformTransactionManager> transactions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                // Its store is made afterwards, from what it holds by then.
                if (bean instanceof JdbcHttpSessionConfiguration configuration) {
                    configuration.setTransactionOperations(
                            new FrugalSessionStore.Transactions(transactions.getObject()));
                }
                return bean;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository store ? wrap(store) : bean;
            }

            private static <S extends Session> Object wrap(FindByIndexNameSessionRepository<S> store) {
                return new FrugalSessionStore<>(store);
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionReadScope() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(FrugalSessionStore.scope());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    /** Before the security chain: the address without its slash is judged as itself. */
    @Bean
    FilterRegistrationBean<TrailingSlashes> trailingSlashes() {
        FilterRegistrationBean<TrailingSlashes> registration = new FilterRegistrationBean<>(new TrailingSlashes());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<OperationsAccessFilter> operationsAccessFilter(OperationsProperties properties) {
        FilterRegistrationBean<OperationsAccessFilter> registration =
                new FilterRegistrationBean<>(new OperationsAccessFilter(properties.metricsToken()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/actuator/*");
        return registration;
    }
}
