package org.masthead.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's controller method by its path first. An address with variables in it (an article, a
 * section's page, a comment posted) is matched against every one of the application's mappings, some 250,
 * and Spring asks each about the request's method, headers and media types before its path: each question
 * passes through every wrapper the filters put around the request. Finding the article page's method took 9%
 * of the page's CPU samples; with the path asked first, which sets nearly every mapping aside at once, 6.7%.
 * The path is read from the request once per lookup rather than once per mapping, since reading it, too,
 * passes through every wrapper: posting a comment spent 8% of its samples finding its method before.
 * Which method answers a request is unchanged: a mapping whose path matches is asked everything, as before.
 */
@Component
class PathFirstMappings implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new RequestMappingHandlerMapping() {

            private final ThreadLocal<@Nullable PathContainer> lookedUp = new ThreadLocal<>();

            @Override
            protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
                    throws Exception {
                PathContainer previous = lookedUp.get();
                lookedUp.set(
                        ServletRequestPathUtils.hasParsedRequestPath(request)
                                ? ServletRequestPathUtils.getParsedRequestPath(request)
                                        .pathWithinApplication()
                                : null);
                try {
                    return super.lookupHandlerMethod(lookupPath, request);
                } finally {
                    lookedUp.set(previous);
                }
            }

            @Override
            protected @Nullable RequestMappingInfo getMatchingMapping(
                    RequestMappingInfo info, HttpServletRequest request) {
                PathPatternsRequestCondition paths = info.getPathPatternsCondition();
                PathContainer path = lookedUp.get();
                if (paths != null && path != null && noneMatches(paths, path)) {
                    return null;
                }
                return super.getMatchingMapping(info, request);
            }
        };
    }

    private static boolean noneMatches(PathPatternsRequestCondition paths, PathContainer path) {
        for (PathPattern pattern : paths.getPatterns()) {
            if (pattern.matches(path)) {
                return false;
            }
        }
        return true;
    }
}
