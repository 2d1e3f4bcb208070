package org.masthead.platform.internal;

import java.time.Clock;
import org.masthead.platform.OperationsProperties;
import org.masthead.platform.PageCacheProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(InMemoryPageCache cache, PageCacheProperties properties) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(new PageCacheFilter(cache));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(properties.enabled());
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
