package org.masthead.discussion.web;

import jakarta.servlet.http.HttpServletResponse;
import org.masthead.discussion.internal.CommentRejectedException;
import org.masthead.discussion.internal.ConflictException;
import org.masthead.discussion.internal.NotAllowedException;
import org.masthead.discussion.internal.NotFoundException;
import org.masthead.discussion.internal.ThreadClosedException;
import org.masthead.discussion.internal.TooManyCommentsException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * How the discussion's JSON endpoints refuse a request: RFC 9457 problem details with the status
 * that says why, and a detail a reader can act on. Nothing was changed by a refused request.
 */
@RestControllerAdvice(assignableTypes = {CommentApi.class, FollowApi.class})
class DiscussionProblems {

    @ExceptionHandler
    ProblemDetail rejected(CommentRejectedException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The comment cannot be taken as it is", e.getMessage());
        problem.setProperty("errors", e.fieldErrors());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail closed(ThreadClosedException e) {
        return problem(HttpStatus.CONFLICT, "Comments are closed", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notAllowed(NotAllowedException e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail tooMany(TooManyCommentsException e, HttpServletResponse response) {
        long seconds = Math.max(1, e.retryAfter().toSeconds() + (e.retryAfter().getNano() > 0 ? 1 : 0));
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return problem(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many comments",
                "You are posting faster than we allow. Please wait %d seconds and try again.".formatted(seconds));
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Malformed request",
                "The request body is not JSON text in UTF-8 of the expected shape.");
    }

    @ExceptionHandler
    ProblemDetail unsupported(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send the request as JSON.");
    }

    @ExceptionHandler
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", "The address has a value that is not valid here.");
    }

    @ExceptionHandler
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", "The request lacks " + e.getParameterName() + ".");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
