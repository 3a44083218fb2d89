package org.meterguard.server.access.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import org.meterguard.core.MeterId;
import org.meterguard.core.access.BasisKind;
import org.meterguard.core.access.TrainingRecord;
import org.meterguard.server.access.AccessRuleViolated;
import org.meterguard.server.access.Assignments;
import org.meterguard.server.access.Bases;
import org.meterguard.server.web.BadRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access registers, each change audited (who may call which is set in the security configuration from the
 * roles' permissions):
 *
 * <ul>
 *   <li>{@code PUT|DELETE /api/v1/staff/{username}/territories/{zone}} and
 *       {@code PUT|DELETE /api/v1/staff/{username}/queue/{accountId}}: a representative's territory and queue
 *       (administrators);
 *   <li>{@code PUT /api/v1/staff/{username}/training} with {@code {"completedOn", "validUntil"}}: privacy training
 *       (privacy officers);
 *   <li>{@code POST /api/v1/work-orders} with {@code {"id", "meterId", "assignedTo", "reason"}} and
 *       {@code POST /api/v1/work-orders/{id}/close} (grid operators);
 *   <li>{@code POST /api/v1/service-requests} with {@code {"id", "accountId"}} and {@code …/{id}/close}
 *       (representatives, for accounts in their queue or territory).
 * </ul>
 *
 * <p>Legal demands are registered in the legal module ({@code legal.web}).
 */
@RestController
class AccessAdminController {
    private final Assignments assignments;
    private final Bases bases;

    AccessAdminController(Assignments assignments, Bases bases) {
        this.assignments = assignments;
        this.bases = bases;
    }

    record Training(String completedOn, String validUntil) {}

    record WorkOrder(String id, String meterId, String assignedTo, String reason) {}

    record ServiceRequest(String id, String accountId) {}

    @PutMapping("/api/v1/staff/{username}/territories/{zone}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void assignTerritory(
            @PathVariable String username, @PathVariable String zone, Authentication caller, HttpServletRequest http) {
        assignments.assignTerritory(username, zone, caller, http.getRemoteAddr());
    }

    @DeleteMapping("/api/v1/staff/{username}/territories/{zone}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdrawTerritory(
            @PathVariable String username, @PathVariable String zone, Authentication caller, HttpServletRequest http) {
        assignments.withdrawTerritory(username, zone, caller, http.getRemoteAddr());
    }

    @PutMapping("/api/v1/staff/{username}/queue/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void assignAccount(
            @PathVariable String username,
            @PathVariable String accountId,
            Authentication caller,
            HttpServletRequest http) {
        assignments.assignAccount(username, accountId, caller, http.getRemoteAddr());
    }

    @DeleteMapping("/api/v1/staff/{username}/queue/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdrawAccount(
            @PathVariable String username,
            @PathVariable String accountId,
            Authentication caller,
            HttpServletRequest http) {
        assignments.withdrawAccount(username, accountId, caller, http.getRemoteAddr());
    }

    @PutMapping("/api/v1/staff/{username}/training")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordTraining(
            @PathVariable String username, @RequestBody Training body, Authentication caller, HttpServletRequest http) {
        LocalDate completed = date("completedOn", body.completedOn());
        LocalDate until = date("validUntil", body.validUntil());
        TrainingRecord training = BadRequest.parse("training", "", x -> new TrainingRecord(completed, until));
        assignments.recordTraining(username, training, caller, http.getRemoteAddr());
    }

    @PostMapping("/api/v1/work-orders")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> openWorkOrder(@RequestBody WorkOrder body, Authentication caller, HttpServletRequest http) {
        MeterId meter = BadRequest.parse("meterId", String.valueOf(body.meterId()), MeterId::of);
        bases.openWorkOrder(body.id(), meter, body.assignedTo(), body.reason(), caller, http.getRemoteAddr());
        return Map.of("id", body.id(), "status", "OPEN");
    }

    @PostMapping("/api/v1/work-orders/{id}/close")
    Map<String, String> closeWorkOrder(@PathVariable String id, Authentication caller, HttpServletRequest http) {
        bases.close(BasisKind.WORK_ORDER, id, caller, http.getRemoteAddr());
        return Map.of("id", id, "status", "CLOSED");
    }

    @PostMapping("/api/v1/service-requests")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> openServiceRequest(
            @RequestBody ServiceRequest body, Authentication caller, HttpServletRequest http) {
        bases.openServiceRequest(body.id(), body.accountId(), caller, http.getRemoteAddr());
        return Map.of("id", body.id(), "status", "OPEN");
    }

    @PostMapping("/api/v1/service-requests/{id}/close")
    Map<String, String> closeServiceRequest(@PathVariable String id, Authentication caller, HttpServletRequest http) {
        bases.close(BasisKind.SERVICE_REQUEST, id, caller, http.getRemoteAddr());
        return Map.of("id", id, "status", "CLOSED");
    }

    private static LocalDate date(String name, String text) {
        return BadRequest.parse(name, String.valueOf(text), t -> {
            try {
                return LocalDate.parse(t);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + t + "' is not a date (YYYY-MM-DD)");
            }
        });
    }

    @ExceptionHandler(AccessRuleViolated.class)
    ProblemDetail violated(AccessRuleViolated e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad request");
        return problem;
    }
}
