package org.meterguard.server.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meterguard.audit.AuditEvent;
import org.meterguard.server.audit.AuditLog;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a signed-in caller refused at the door with an RFC 9457 problem that says which permission their role
 * lacks, and records the refusal in the audit log (subject {@code system}: the action concerns no customer).
 */
@Component
class PermissionDenied implements AccessDeniedHandler {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditLog auditLog;
    private final Clock clock = Clock.systemUTC();

    PermissionDenied(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** A door decision that keeps the policy's reason for the answer. */
    static final class Reasoned extends AuthorizationDecision {
        private final String reason;

        Reasoned(boolean granted, String reason) {
            super(granted);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /**
     * True for the refusals this handler answers: a permission or role the caller lacks. A missing or expired sign-in
     * factor and a missing CSRF token are identity's to answer (they say how to sign in, not what the role lacks).
     */
    static boolean isPolicyRefusal(AccessDeniedException denied) {
        if (denied instanceof CsrfException) {
            return false;
        }
        return !(denied instanceof AuthorizationDeniedException refused
                && refused.getAuthorizationResult() instanceof FactorAuthorizationDecision);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String reason = denied instanceof AuthorizationDeniedException refused
                        && refused.getAuthorizationResult() instanceof Reasoned reasoned
                ? reasoned.reason()
                : null;
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (reason == null) {
            String role = caller == null ? "" : AccessControl.roleName(caller);
            reason = request.getMethod() + " " + request.getRequestURI() + " is not open to "
                    + (role.isEmpty() ? "this caller" : "role " + role) + " (deny by default)";
        }
        String resource = request.getMethod() + " " + request.getRequestURI();
        auditLog.append(new AuditEvent(
                clock.instant(),
                caller == null ? "" : caller.getName(),
                caller == null ? "" : AccessControl.roleName(caller),
                "request",
                resource,
                "system",
                "",
                "",
                "DENY",
                request.getRemoteAddr() == null ? "" : request.getRemoteAddr(),
                reason));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Access denied");
        problem.put("status", HttpServletResponse.SC_FORBIDDEN);
        problem.put("detail", reason);
        problem.put("instance", request.getRequestURI());
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
