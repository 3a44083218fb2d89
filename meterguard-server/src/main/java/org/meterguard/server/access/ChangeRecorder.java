package org.meterguard.server.access;

import java.time.Clock;
import org.meterguard.audit.AuditEvent;
import org.meterguard.server.audit.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Appends each change to the access registers (assignments, training, bases) to the audit log. */
@Component
class ChangeRecorder {
    private final AuditLog auditLog;
    private final Clock clock = Clock.systemUTC();

    ChangeRecorder(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    void record(
            Authentication caller,
            String clientAddress,
            String action,
            String resource,
            String subject,
            String detail) {
        append(caller, clientAddress, action, resource, subject, "EXECUTED", detail);
    }

    void refuse(
            Authentication caller,
            String clientAddress,
            String action,
            String resource,
            String subject,
            String reason) {
        append(caller, clientAddress, action, resource, subject, "DENY", reason);
    }

    private void append(
            Authentication caller,
            String clientAddress,
            String action,
            String resource,
            String subject,
            String decision,
            String detail) {
        append(
                caller.getName(),
                AccessControl.roleName(caller),
                clientAddress,
                action,
                resource,
                subject,
                decision,
                detail);
    }

    /** Records a change made by the system itself ({@code actor}, e.g. "system:first-start"), with no role. */
    void recordBySystem(String actor, String action, String resource, String subject, String detail) {
        append(actor, "", "", action, resource, subject, "EXECUTED", detail);
    }

    private void append(
            String actor,
            String role,
            String clientAddress,
            String action,
            String resource,
            String subject,
            String decision,
            String detail) {
        auditLog.append(new AuditEvent(
                clock.instant(),
                actor,
                role,
                action,
                resource,
                subject,
                "ADMINISTRATION",
                "",
                decision,
                clientAddress == null ? "" : clientAddress,
                detail));
    }
}
