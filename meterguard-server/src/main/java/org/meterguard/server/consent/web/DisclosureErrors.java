package org.meterguard.server.consent.web;

import org.meterguard.server.consent.DisclosureRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused disclosure, answered 403 with the reason as an RFC 9457 problem detail. */
@RestControllerAdvice
class DisclosureErrors {
    @ExceptionHandler(DisclosureRefused.class)
    ProblemDetail refused(DisclosureRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Disclosure refused");
        return problem;
    }
}
