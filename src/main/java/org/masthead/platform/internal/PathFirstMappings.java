package org.masthead.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's controller method among the mappings its path can match. Spring matches an address with
 * variables in it (an article, a section's page, a comment posted) against every one of the application's
 * mappings, some 250, asking each about the request's method, headers and media types before its path, and
 * each question passes through every wrapper the filters put around the request: that was 9% of the article
 * page's CPU samples, and after asking the path first, still 9.7% of posting a comment's. So each mapping is
 * filed, as it is registered, under the fixed first word of its patterns ({@code /discussion/...}), or among
 * those that may begin with anything; a request is matched against its first word's mappings and those.
 *
 * <p>Which method answers is Spring's choice as before: the matches are ordered by Spring's comparator, and
 * whatever is not a plain best match (an address some mapping names exactly, no match at all, which Spring
 * turns into a 404, 405 or 415, two equally good matches, a CORS preflight) is left to Spring's own lookup.
 */
@Component
class PathFirstMappings implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new RequestMappingHandlerMapping() {

            /** Replaced whole at each registration (all of them at start-up), so that lookups need no lock. */
            private volatile Routes routes = Routes.NONE;

            @Override
            protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
                super.registerHandlerMethod(handler, method, mapping);
                filed(mapping);
            }

            @Override
            public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
                super.registerMapping(mapping, handler, method);
                filed(mapping);
            }

            @Override
            public void unregisterMapping(RequestMappingInfo mapping) {
                super.unregisterMapping(mapping);
                synchronized (this) {
                    routes = routes.without(mapping);
                }
            }

            private synchronized void filed(RequestMappingInfo mapping) {
                HandlerMethod handler = getHandlerMethods().get(mapping);
                if (handler != null) {
                    routes = routes.with(new Route(mapping, handler), firstWords(mapping), getDirectPaths(mapping));
                }
            }

            @Override
            protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
                    throws Exception {
                Routes known = routes;
                if (!ServletRequestPathUtils.hasParsedRequestPath(request)
                        || known.directPaths().contains(lookupPath)
                        || CorsUtils.isPreFlightRequest(request)) {
                    return super.lookupHandlerMethod(lookupPath, request);
                }
                PathContainer path =
                        ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
                List<Route> matches = new ArrayList<>(2);
                addMatches(known.byFirstWord().getOrDefault(firstWord(path), List.of()), path, request, matches);
                addMatches(known.anyFirstWord(), path, request, matches);
                if (matches.isEmpty()) {
                    return super.lookupHandlerMethod(lookupPath, request);
                }
                if (matches.size() > 1) {
                    Comparator<RequestMappingInfo> order = getMappingComparator(request);
                    matches.sort((one, other) -> order.compare(one.mapping(), other.mapping()));
                    if (order.compare(matches.get(0).mapping(), matches.get(1).mapping()) == 0) {
                        return super.lookupHandlerMethod(lookupPath, request);
                    }
                }
                Route best = matches.getFirst();
                request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
                handleMatch(best.mapping(), lookupPath, request);
                return best.handler();
            }

            private void addMatches(
                    List<Route> candidates, PathContainer path, HttpServletRequest request, List<Route> matches) {
                for (Route route : candidates) {
                    PathPatternsRequestCondition paths = route.mapping().getPathPatternsCondition();
                    if (paths != null && noneMatches(paths, path)) {
                        continue;
                    }
                    RequestMappingInfo match = getMatchingMapping(route.mapping(), request);
                    if (match != null) {
                        matches.add(new Route(match, route.handler()));
                    }
                }
            }
        };
    }

    /** A registered mapping, or the part of one a request matched, and the method it leads to. */
    private record Route(RequestMappingInfo mapping, HandlerMethod handler) {}

    /**
     * The mappings by the fixed first word of their patterns, those that may begin with anything, and the
     * addresses that mappings name exactly.
     */
    private record Routes(Map<String, List<Route>> byFirstWord, List<Route> anyFirstWord, Set<String> directPaths) {

        static final Routes NONE = new Routes(Map.of(), List.of(), Set.of());

        Routes with(Route route, Optional<Set<String>> firstWords, Set<String> paths) {
            Routes without = without(route.mapping());
            Map<String, List<Route>> byWord = new HashMap<>(without.byFirstWord());
            List<Route> anyWord = new ArrayList<>(without.anyFirstWord());
            if (firstWords.isPresent()) {
                for (String word : firstWords.get()) {
                    List<Route> filed = new ArrayList<>(byWord.getOrDefault(word, List.of()));
                    filed.add(route);
                    byWord.put(word, List.copyOf(filed));
                }
            } else {
                anyWord.add(route);
            }
            Set<String> direct = new HashSet<>(without.directPaths());
            direct.addAll(paths);
            return new Routes(Map.copyOf(byWord), List.copyOf(anyWord), Set.copyOf(direct));
        }

        /** Without the mapping; its exact addresses stay, which only sends their requests to Spring's lookup. */
        Routes without(RequestMappingInfo mapping) {
            Map<String, List<Route>> byWord = new HashMap<>();
            byFirstWord.forEach((word, filed) -> {
                List<Route> kept = filed.stream()
                        .filter(route -> route.mapping() != mapping)
                        .toList();
                if (!kept.isEmpty()) {
                    byWord.put(word, kept);
                }
            });
            List<Route> anyWord = anyFirstWord.stream()
                    .filter(route -> route.mapping() != mapping)
                    .toList();
            return new Routes(Map.copyOf(byWord), anyWord, directPaths);
        }
    }

    /** A path's first segment as a pattern compares it (decoded, without parameters). */
    private static String firstWord(PathContainer path) {
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                return segment.valueToMatch();
            }
        }
        return "";
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
