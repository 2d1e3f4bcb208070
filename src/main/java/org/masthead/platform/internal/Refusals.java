package org.masthead.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.NotAuthenticatedException;
import org.masthead.platform.RefusedException;
import org.masthead.platform.RejectedException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The one place a refused request is answered: a {@link RefusedException} thrown by any module, and
 * the framework's own ways of saying the request was bad (a body that is not what the handler reads,
 * a missing or malformed parameter, a form or body that fails its validation, an upload too large).
 * Programs (see {@link ProblemClients}) are answered in RFC 9457 problem details with a detail they
 * can act on; people see the error page, rendered by {@link ErrorPages} for the status. Either way
 * nothing was changed, and a refusal that says when to come back sends {@code Retry-After}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class Refusals {

    static final String TOO_LARGE = "What you sent is larger than we accept.";
    static final String UNREADABLE = "This is not a value this field takes.";

    @ExceptionHandler
    @Nullable
    ResponseEntity<Problem> refused(RefusedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        // A module's refusal is written for whoever sent the request: the error page shows it too.
        request.setAttribute(ErrorPages.DETAIL, e.detail());
        Map<String, Object> members = new LinkedHashMap<>();
        if (e instanceof RejectedException rejected && !rejected.fieldErrors().isEmpty()) {
            members.put("errors", rejected.fieldErrors());
        }
        members.putAll(e.properties());
        Problem problem = Problem.of(e.status().value(), e.title(), e.detail(), request.getRequestURI())
                .with(members);
        ResponseEntity<Problem> answer = answer(problem, e.retryAfter(), request, response);
        if (answer != null && e instanceof NotAuthenticatedException unauthenticated) {
            return ResponseEntity.status(answer.getStatusCode())
                    .headers(answer.getHeaders())
                    .header(HttpHeaders.WWW_AUTHENTICATE, unauthenticated.challenge())
                    .body(answer.getBody());
        }
        return answer;
    }

    @ExceptionHandler
    @Nullable
    ResponseEntity<Problem> unreadable(
            HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedException refused) {
                // Refused while the body was read, such as text with a control character in it.
                return refused(refused, request, response);
            }
            if (cause instanceof BodyTooLargeException) {
                return answer(HttpStatus.CONTENT_TOO_LARGE, "Too large", TOO_LARGE, request, response);
            }
        }
        return answer(
                HttpStatus.BAD_REQUEST,
                "Malformed request",
                "The request body is not JSON text in UTF-8 of the expected shape.",
                request,
                response);
    }

    @ExceptionHandler
    @Nullable
    ResponseEntity<Problem> unsupported(
            HttpMediaTypeNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String detail = e.getSupportedMediaTypes().stream().allMatch(MediaType.APPLICATION_JSON::isCompatibleWith)
                ? "Send the request as JSON."
                : "Send the request as one of " + MediaType.toString(e.getSupportedMediaTypes()) + ".";
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", detail, request, response);
    }

    @ExceptionHandler
    @Nullable
    ResponseEntity<Problem> mismatch(
            MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return answer(HttpStatus.BAD_REQUEST, "Bad request", RejectedException.ADDRESS_UNREADABLE, request, response);
    }

    @ExceptionHandler({ServletRequestBindingException.class, MissingServletRequestPartException.class})
    @Nullable
    ResponseEntity<Problem> missing(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String lacking =
                switch (e) {
                    case MissingServletRequestParameterException parameter -> parameter.getParameterName();
                    case MissingServletRequestPartException part -> part.getRequestPartName();
                    case MissingRequestHeaderException header -> "the header " + header.getHeaderName();
                    default -> "something it needs";
                };
        return answer(HttpStatus.BAD_REQUEST, "Bad request", "The request lacks " + lacking + ".", request, response);
    }

    /** A body or form that fails its Bean Validation: a message per field, as a form shows them. */
    @ExceptionHandler
    @Nullable
    ResponseEntity<Problem> invalid(BindException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.getFieldErrors()) {
            // A value of the wrong type: the framework's message names Java types, which helps nobody.
            errors.putIfAbsent(
                    error.getField(),
                    error.isBindingFailure() ? UNREADABLE : String.valueOf(error.getDefaultMessage()));
        }
        return refused(invalid(errors), request, response);
    }

    /** Parameters that fail their Bean Validation, each named as the request names it. */
    @ExceptionHandler
    @Nullable
    ResponseEntity<Problem> invalid(
            HandlerMethodValidationException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = nameOf(result.getMethodParameter());
            result.getResolvableErrors()
                    .forEach(error -> errors.putIfAbsent(name, String.valueOf(error.getDefaultMessage())));
        }
        return refused(invalid(errors), request, response);
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, BodyTooLargeException.class})
    @Nullable
    ResponseEntity<Problem> tooLarge(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return answer(HttpStatus.CONTENT_TOO_LARGE, "Too large", TOO_LARGE, request, response);
    }

    private static RejectedException invalid(Map<String, String> errors) {
        String detail = errors.isEmpty()
                ? "The request is not valid."
                : errors.values().iterator().next();
        return new RejectedException("The request cannot be taken as it is", detail, errors);
    }

    private static String nameOf(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return parameter.getParameterName() == null ? "request" : parameter.getParameterName();
    }

    private static @Nullable ResponseEntity<Problem> answer(
            HttpStatus status, String title, String detail, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return answer(Problem.of(status.value(), title, detail, request.getRequestURI()), null, request, response);
    }

    /**
     * Problem details for a program; for a person, the error status, which the container turns into the
     * error page. (Rendered here the page would miss the model every page gets from its controller's
     * advice.) Null when the answer has been given.
     */
    private static @Nullable ResponseEntity<Problem> answer(
            Problem problem, @Nullable Duration retryAfter, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String wait = retryAfter == null ? null : String.valueOf(seconds(retryAfter));
        if (ProblemClients.asking(request)) {
            if (!response.isCommitted()) {
                // Drop whatever the refused handler had set, such as the public caching headers of a page.
                response.reset();
            }
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.status())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .cacheControl(CacheControl.noStore());
            if (wait != null) {
                answer.header(HttpHeaders.RETRY_AFTER, wait);
            }
            return answer.body(problem);
        }
        if (!response.isCommitted()) {
            if (wait != null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, wait);
            }
            response.sendError(problem.status());
        }
        return null;
    }

    /** Whole seconds, rounded up, at least one. */
    private static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}
