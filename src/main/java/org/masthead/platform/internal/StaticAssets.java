package org.masthead.platform.internal;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Stylesheets, scripts and images, at addresses that carry a hash of their content
 * ({@code /css/site-3f2a….css}, built by {@code @{/css/site.css}} in a template): browsers and CDNs may
 * keep them for a year without asking, and a changed file gets a new address.
 *
 * <p>Only these trees are static files ({@code spring.web.resources.add-mappings} is off). Mapped to
 * {@code /**}, as Spring Boot maps them by default, the resource chain is asked about every link a page
 * builds, and for a link to an article it looks in the jar for a file of that name, finds none, and
 * remembers nothing: that was most of the CPU of rendering a page. Asked only about these trees, it answers
 * other links at once, and computes each asset's hash once.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

    /** The directories under {@code classpath:/static/} that are served, each at its own name. */
    static final List<String> TREES = List.of("css", "js", "img");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String tree : TREES) {
            registry.addResourceHandler("/" + tree + "/**")
                    .addResourceLocations("classpath:/static/" + tree + "/")
                    .setCacheControl(CacheControl.maxAge(Duration.ofDays(365))
                            .cachePublic()
                            .immutable())
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
    }

    /** Turns {@code @{/css/site.css}} in templates into the address with the file's hash. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}
