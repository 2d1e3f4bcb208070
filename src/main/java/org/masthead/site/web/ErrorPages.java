package org.masthead.site.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * What a reader sees when something goes wrong: an HTML page with a way back for people, or
 * problem+json for API clients. Neither ever shows internals such as a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = statusOf(request);
        if (!response.isCommitted()) {
            // Drop whatever the failed handler had set, such as the public caching headers of a page.
            response.reset();
        }
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(status.value());
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (wantsProblemJson(request, path)) {
            ProblemDetail problem = ProblemDetail.forStatus(status);
            problem.setInstance(URI.create(path));
            JacksonJsonView json = new JacksonJsonView();
            json.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.setExtractValueFromSingleKeyModel(true);
            ModelAndView body = new ModelAndView(json, "problem", problem);
            body.setStatus(status);
            return body;
        }
        String view =
                status == HttpStatus.NOT_FOUND ? "error/404" : status.is4xxClientError() ? "error/4xx" : "error/5xx";
        return new ModelAndView(view, Map.of("status", status.value(), "error", status.getReasonPhrase()), status);
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

    private static boolean wantsProblemJson(HttpServletRequest request, String path) {
        String accept = request.getHeader("Accept");
        return path.startsWith("/api/") || (accept != null && !accept.contains("text/html") && accept.contains("json"));
    }
}
