package org.masthead.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Set;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Who is told of an error in RFC 9457 problem details ({@code application/problem+json}) rather than
 * shown the error page: programs, not people. A program says so by asking for JSON and not HTML, by
 * calling an address meant for programs ({@code /api/}, {@code /webhooks/}), or by calling a handler
 * that answers in JSON itself; the scripts of our pages do all of these.
 */
final class ProblemClients {

    /** Bodies that a handler writes as they are; any other body is JSON that Jackson writes. */
    private static final Set<Class<?>> RAW_BODIES = Set.of(
            CharSequence.class, byte[].class, Resource.class, ResponseBodyEmitter.class, StreamingResponseBody.class);

    private ProblemClients() {}

    /** Whether this request, before or without a handler, comes from a program. */
    static boolean asking(HttpServletRequest request, String path) {
        String accept = request.getHeader("Accept");
        return path.startsWith("/api/")
                || path.startsWith("/webhooks/")
                || (accept != null && !accept.contains("text/html") && accept.contains("json"));
    }

    /** Whether this request, being handled, comes from a program or went to a handler that answers JSON. */
    static boolean asking(HttpServletRequest request) {
        return asking(request, request.getRequestURI())
                || (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
                                instanceof HandlerMethod handler
                        && answersJson(handler));
    }

    private static boolean answersJson(HandlerMethod handler) {
        Method method = handler.getMethod();
        ResolvableType returned = ResolvableType.forMethodReturnType(method);
        boolean entity = HttpEntity.class.isAssignableFrom(method.getReturnType());
        if (!entity
                && !handler.hasMethodAnnotation(ResponseBody.class)
                && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)) {
            return false;
        }
        Class<?> body = entity ? returned.as(HttpEntity.class).getGeneric(0).toClass() : returned.toClass();
        return RAW_BODIES.stream().noneMatch(raw -> raw.isAssignableFrom(body));
    }
}
