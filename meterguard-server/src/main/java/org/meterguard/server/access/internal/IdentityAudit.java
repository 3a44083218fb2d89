package org.meterguard.server.access.internal;

import java.time.Clock;
import org.meterguard.audit.AuditEvent;
import org.meterguard.server.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Records identity events in the audit log: sign-ins and their failures, lockouts, enrollments, sign-outs and
 * changes to users. The subject is always {@code user:<name>}, so that the unusual-activity rules can follow one
 * name; the action names are fixed ({@code sign-in}, {@code sign-in-locked}, {@code totp-enrolled},
 * {@code totp-reset}, {@code sign-out}, {@code user-created}, {@code role-changed}, {@code user-disabled},
 * {@code service-account-registered}).
 */
@Component
public class IdentityAudit {
    private final AuditLog auditLog;
    private final Clock clock = Clock.systemUTC();

    IdentityAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** Records {@code action} on {@code user} by {@code actor} (acting in {@code role}; empty when unknown). */
    public void record(
            String action,
            String actor,
            String role,
            String user,
            boolean permitted,
            String clientAddress,
            String detail) {
        auditLog.append(new AuditEvent(
                clock.instant(),
                actor,
                role == null ? "" : role,
                action,
                "user/" + user,
                "user:" + user,
                "",
                "",
                permitted ? "PERMIT" : "DENY",
                clientAddress == null ? "" : clientAddress,
                detail == null ? "" : detail));
    }
}
