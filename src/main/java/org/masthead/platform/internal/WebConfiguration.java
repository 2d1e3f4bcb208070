package org.masthead.platform.internal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.catalina.Host;
import org.masthead.platform.BodyLimit;
import org.masthead.platform.OperationsProperties;
import org.masthead.platform.PageCacheProperties;
import org.masthead.platform.StreamedRoute;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
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

    /** Cached pages are answered by Tomcat's engine, before the web application sees the request. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> pageCacheValve(
            InMemoryPageCache cache, PageCacheProperties properties) {
        return factory -> {
            if (properties.enabled()) {
                factory.addEngineValves(new PageCacheValve(cache));
            }
        };
    }

    /**
     * Before anything reads a body or a parameter (the security filters do) and before a request waits
     * for its turn: refusing costs nothing, and a refused request should not hold a turn.
     */
    @Bean
    FilterRegistrationBean<RequestInputFilter> requestInputFilter(
            WebInputProperties properties, List<BodyLimit> bodyLimits) {
        FilterRegistrationBean<RequestInputFilter> registration = new FilterRegistrationBean<>(
                new RequestInputFilter(properties, bodyLimits, formLimit(properties, bodyLimits)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Tomcat parses a form itself, and refuses to parse one longer than this: the largest limit of any
     * route, so that a route with a larger one (the article editor's) gets its form. {@link
     * RequestInputFilter} has already refused a longer body to any other path by its length, and refuses
     * a form without a length to a path whose limit is smaller.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> formPostLimit(
            WebInputProperties properties, List<BodyLimit> bodyLimits) {
        int limit = (int) formLimit(properties, bodyLimits);
        return factory -> factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(limit));
    }

    private static long formLimit(WebInputProperties properties, List<BodyLimit> bodyLimits) {
        return bodyLimits.stream()
                .mapToLong(limit -> limit.maxSize().toBytes())
                .reduce(properties.maxBodySize().toBytes(), Math::max);
    }

    /** After the page cache and before anything that reads the database, the session filter first. */
    @Bean
    FilterRegistrationBean<AdmissionFilter> admissionFilter(ConcurrencyProperties properties, MeterRegistry meters) {
        FilterRegistrationBean<AdmissionFilter> registration =
                new FilterRegistrationBean<>(new AdmissionFilter(properties, meters));
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
     * A cached page should leave in one write: Tomcat's default 8 KB socket buffer splits a typical
     * article into two, and a front into seven.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketBuffers() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appWriteBufSize", String.valueOf(64 * 1024));
            connector.setProperty("socket.directBuffer", "true");
        });
    }

    /** Spring Session's own store, wrapped to read a session once per request and write it back only when needed. */
    @Bean
    static BeanPostProcessor frugalSessionStore() {
        return new BeanPostProcessor() {
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

    /**
     * After Spring Boot's own settings for Tomcat's error report, which this replaces: requests Tomcat
     * refuses on its own get the site's error page too.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> siteErrorReport() {
        return new SiteErrorReportCustomizer();
    }

    private static final class SiteErrorReportCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> SiteErrorReport.replaceOn((Host) context.getParent()));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
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
