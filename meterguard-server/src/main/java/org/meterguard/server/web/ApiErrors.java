package org.meterguard.server.web;

import org.meterguard.server.access.AccessDenied;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns refusals and bad requests into RFC 9457 problem details that say what to fix. */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(AccessDenied.class)
    ProblemDetail denied(AccessDenied e) {
        return problem(HttpStatus.FORBIDDEN, "Access denied", e.getMessage());
    }

    @ExceptionHandler(BadRequest.class)
    ProblemDetail badRequest(BadRequest e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        String hint = "purpose".equals(e.getParameterName())
                ? "; every read of covered information declares a purpose, e.g. purpose=GRID_OPERATIONS"
                : "";
        return problem(
                HttpStatus.BAD_REQUEST, "Bad request", "missing parameter '" + e.getParameterName() + "'" + hint);
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
