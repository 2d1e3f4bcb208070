package org.masthead.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds a request's controller method by its path first. An address with variables in it (an article, a
 * section's page) is matched against every one of the application's mappings, some 250, and Spring asks each
 * about the request's method, headers and media types before its path: each question passes through every
 * wrapper the filters put around the request. Finding the article page's method took 9% of the page's CPU samples;
 * with the path asked first, which sets nearly every mapping aside at once, 6.7%.
 * Which method answers a request is unchanged: a mapping whose path matches is asked everything, as before.
 */
@Component
class PathFirstMappings implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new RequestMappingHandlerMapping() {
            @Override
            protected @Nullable RequestMappingInfo getMatchingMapping(
                    RequestMappingInfo info, HttpServletRequest request) {
                PathPatternsRequestCondition paths = info.getPathPatternsCondition();
                if (paths != null && paths.getMatchingCondition(request) == null) {
                    return null;
                }
                return super.getMatchingMapping(info, request);
            }
        };
    }
}
