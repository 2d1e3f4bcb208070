package org.masthead.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * of the page's CPU samples; with the path asked first, 6.7%. Matching 250 patterns was still 5.5% of posting
 * a comment's samples, so a mapping whose every pattern begins with a fixed word ({@code /discussion/...})
 * is set aside by that word alone when the address begins with another one.
 * Which method answers a request is unchanged: a mapping whose path matches is asked everything, as before.
 */
@Component
class PathFirstMappings implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new RequestMappingHandlerMapping() {

            /** The request being looked up: its path, and the first segment of it as patterns see it. */
            private final ThreadLocal<@Nullable Lookup> lookingUp = new ThreadLocal<>();

            /**
             * Each mapping's first words, when every pattern of it begins with a fixed one: found as the
             * mapping is registered, and looked up by identity, since a mapping's hash code is computed
             * from all its conditions on every call and, asked of 250 mappings, cost more than the paths.
             * Replaced whole at each registration (all of them at start-up), so that lookups need no lock.
             */
            private volatile Map<RequestMappingInfo, Optional<Set<String>>> firstWords = Map.of();

            @Override
            protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
                super.registerHandlerMethod(handler, method, mapping);
                Map<RequestMappingInfo, Optional<Set<String>>> words = new IdentityHashMap<>(firstWords);
                words.put(mapping, PathFirstMappings.firstWords(mapping));
                firstWords = words;
            }

            @Override
            protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
                    throws Exception {
                Lookup previous = lookingUp.get();
                lookingUp.set(
                        ServletRequestPathUtils.hasParsedRequestPath(request)
                                ? Lookup.of(ServletRequestPathUtils.getParsedRequestPath(request)
                                        .pathWithinApplication())
                                : null);
                try {
                    return super.lookupHandlerMethod(lookupPath, request);
                } finally {
                    lookingUp.set(previous);
                }
            }

            @Override
            protected @Nullable RequestMappingInfo getMatchingMapping(
                    RequestMappingInfo info, HttpServletRequest request) {
                PathPatternsRequestCondition paths = info.getPathPatternsCondition();
                Lookup lookup = lookingUp.get();
                if (paths != null && lookup != null) {
                    Optional<Set<String>> words = firstWords.get(info);
                    if (words != null && words.isPresent() && !words.get().contains(lookup.firstWord())) {
                        return null;
                    }
                    if (noneMatches(paths, lookup.path())) {
                        return null;
                    }
                }
                return super.getMatchingMapping(info, request);
            }
        };
    }

    /** A request's path, and its first segment as a pattern compares it (decoded, without parameters). */
    private record Lookup(PathContainer path, String firstWord) {

        static Lookup of(PathContainer path) {
            for (PathContainer.Element element : path.elements()) {
                if (element instanceof PathContainer.PathSegment segment) {
                    return new Lookup(path, segment.valueToMatch());
                }
            }
            return new Lookup(path, "");
        }
    }

    /**
     * The fixed first segments of a mapping's patterns, or empty when any pattern may begin otherwise (with
     * a variable or a wildcard), so that only its patterns can say whether it matches.
     */
    private static Optional<Set<String>> firstWords(RequestMappingInfo info) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        if (paths == null) {
            return Optional.empty();
        }
        Set<String> words = new HashSet<>();
        for (PathPattern pattern : paths.getPatterns()) {
            String text = pattern.getPatternString();
            String rest = text.startsWith("/") ? text.substring(1) : text;
            int end = rest.indexOf('/');
            String first = end < 0 ? rest : rest.substring(0, end);
            if (first.isEmpty() || first.chars().anyMatch(c -> "{}*?%;".indexOf(c) >= 0)) {
                return Optional.empty();
            }
            words.add(first);
        }
        return Optional.of(Set.copyOf(words));
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
