package org.masthead.platform.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a reader sees when something goes wrong: an HTML page with a way back for people, or
 * problem+json for API clients (see {@link ProblemClients}). Neither ever shows internals such as a
 * stack trace. It answers every error given as a status alone: by a filter (a rate limit, a busy
 * node, a body too large), by the container (no such address, an unexpected failure), and by
 * {@link Refusals} for people.
 */
@Controller
class ErrorPages implements ErrorController {

    /** A request attribute: what a filter that refused the request by its status would tell a program. */
    static final String DETAIL = ErrorPages.class.getName() + ".DETAIL";

    /** Headers an error page keeps from the request that failed: they say nothing about the page that was not sent. */
    private static final List<String> KEPT_HEADERS = List.of(
            HttpHeaders.ALLOW,
            "Content-Security-Policy",
            "X-Frame-Options",
            "X-Content-Type-Options",
            "X-XSS-Protection",
            "Referrer-Policy",
            "Strict-Transport-Security");

    private final JsonMapper jsonMapper;

    ErrorPages(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = statusOf(request);
        // Whoever refused the request may have said when to come back, as a rate limit does.
        Long retryAfter = secondsToWait(response);
        if (!response.isCommitted()) {
            // Drop whatever the failed handler had set, such as the public caching headers of a page, but
            // not what the security chain sent for every page, nor the methods a 405's address takes.
            Map<String, List<String>> kept = new LinkedHashMap<>();
            for (String name : KEPT_HEADERS) {
                kept.put(name, List.copyOf(response.getHeaders(name)));
            }
            response.reset();
            kept.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        }
        // A request refused before the security chain saw it (by Jetty, or a filter ahead of the chain) has
        // none of them yet: an error page is a page like any other. Each writer leaves a header already set.
        SecurityConfiguration.PAGE_HEADERS.forEach(writer -> writer.writeHeaders(request, response));
        response.setHeader("Cache-Control", "no-store");
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        response.setStatus(status.value());
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (ProblemClients.asking(request, path)) {
            Problem problem = Problem.of(
                    status.value(),
                    status.getReasonPhrase(),
                    request.getAttribute(DETAIL) instanceof String detail ? detail : detail(status, retryAfter),
                    path);
            View json = (model, req, res) -> {
                res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                res.setCharacterEncoding("UTF-8");
                jsonMapper.writeValue(res.getOutputStream(), problem);
            };
            ModelAndView body = new ModelAndView(json);
            body.setStatus(status);
            return body;
        }
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            return new ModelAndView("error/429", Map.of("wait", inWords(retryAfter)), status);
        }
        String view =
                status == HttpStatus.NOT_FOUND ? "error/404" : status.is4xxClientError() ? "error/4xx" : "error/5xx";
        Map<String, Object> model = new HashMap<>(Map.of("status", status.value(), "error", status.getReasonPhrase()));
        if (status.is4xxClientError() && request.getAttribute(DETAIL) instanceof String detail) {
            model.put("detail", detail);
        }
        // A 405 for opening an address a form posts to, or for sending something to a page that is only read.
        // (The error dispatch itself is a GET: the method asked is kept aside.)
        String method = request.getAttribute(RequestDispatcher.ERROR_METHOD) instanceof String asked
                ? asked
                : request.getMethod();
        model.put("opened", HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method));
        // What the address does take, as its Allow header says: a page that is only read, or an address that
        // also takes a form's button (a PUT to the sign-out address is not refused for taking nothing).
        String allow = response.getHeader(HttpHeaders.ALLOW);
        model.put(
                "takesForms",
                allow != null
                        && Stream.of(allow.split(","))
                                .map(String::strip)
                                .anyMatch(allowed -> !allowed.equalsIgnoreCase(HttpMethod.GET.name())
                                        && !allowed.equalsIgnoreCase(HttpMethod.HEAD.name())
                                        && !allowed.equalsIgnoreCase(HttpMethod.OPTIONS.name())));
        // Refused for its CSRF token: a form left open past its session, not a page the visitor may not see.
        model.put("expiredForm", request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException);
        return new ModelAndView(view, model, status);
    }

    /** What a program can do about an error given by its status alone, if anything. */
    private static @Nullable String detail(HttpStatus status, @Nullable Long retryAfter) {
        return switch (status) {
            case TOO_MANY_REQUESTS -> "Too many attempts. Please wait %s and try again.".formatted(inWords(retryAfter));
            case SERVICE_UNAVAILABLE -> "We are busier than we can manage just now. Please try again in a moment.";
            case CONTENT_TOO_LARGE -> Refusals.TOO_LARGE;
            default -> null;
        };
    }

    private static @Nullable Long secondsToWait(HttpServletResponse response) {
        String header = response.getHeader(HttpHeaders.RETRY_AFTER);
        try {
            return header == null ? null : Long.valueOf(header);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** People wait in minutes: "1 minute", "5 minutes", rounded up. */
    private static String inWords(@Nullable Long seconds) {
        if (seconds == null) {
            return "a few minutes";
        }
        long minutes = Math.max(1, (seconds + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Asked for /error itself: there is nothing here.
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
