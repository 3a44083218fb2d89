package org.meterguard.server.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.meterguard.audit.AuditEvent;
import org.meterguard.server.audit.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Records reads of the audit log and of access histories in the log itself, so that who watched the watchers is
 * as provable as everything else. The entry is durable before anything is read.
 */
final class AuditorReads {
    private static final String ROLE_PREFIX = "ROLE_";

    private final AuditLog auditLog;
    private final Clock clock = Clock.systemUTC();

    AuditorReads(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** Records a read of the log itself (subject {@code system}), for the security audit. */
    void record(Authentication caller, HttpServletRequest request, String action, String resource, String detail) {
        record(caller, request, action, resource, "system", "SECURITY_AUDIT", detail);
    }

    /** Records a read about {@code subject} for {@code purpose}. */
    void record(
            Authentication caller,
            HttpServletRequest request,
            String action,
            String resource,
            String subject,
            String purpose,
            String detail) {
        auditLog.append(new AuditEvent(
                clock.instant(),
                caller.getName(),
                role(caller),
                action,
                resource,
                subject,
                purpose,
                "",
                "PERMIT",
                request.getRemoteAddr() == null ? "" : request.getRemoteAddr(),
                detail));
    }

    private static String role(Authentication caller) {
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(ROLE_PREFIX))
                .map(a -> a.substring(ROLE_PREFIX.length()))
                .findFirst()
                .orElse("");
    }
}
