package org.masthead.membership.web;

import org.masthead.membership.internal.MembershipRejectedException;
import org.masthead.membership.internal.NotPremiumException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * How membership's JSON endpoints refuse a request: RFC 9457 problem details, with a detail the reader
 * can act on. Nothing was changed by a refused request.
 */
@RestControllerAdvice(assignableTypes = ReadingListApi.class)
class MembershipProblems {

    @ExceptionHandler
    ProblemDetail notPremium(NotPremiumException e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "Premium members only", e.getMessage());
        problem.setProperty("subscribe", "/premium");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail rejected(MembershipRejectedException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
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
