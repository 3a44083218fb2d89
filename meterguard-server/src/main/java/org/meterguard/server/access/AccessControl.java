package org.meterguard.server.access;

import java.time.Clock;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.AccessDecision;
import org.meterguard.core.CoveredReadPolicy;
import org.meterguard.core.StaffRole;
import org.meterguard.server.audit.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The policy decision point for covered reads. It decides from the caller's role, the declared purpose and its
 * basis, records the decision (permitted or not) in the audit log before any data is read, and throws
 * {@link AccessDenied} with the reason when the read may not proceed.
 */
@Service
public class AccessControl {
    private final AuditLog auditLog;
    private final Clock clock;

    AccessControl(AuditLog auditLog) {
        this.auditLog = auditLog;
        this.clock = Clock.systemUTC();
    }

    /** Decides {@code read} for {@code caller} from {@code clientAddress}; returns only when it is permitted. */
    public void authorize(Authentication caller, CoveredRead read, String clientAddress) {
        StaffRole role = roleOf(caller);
        AccessDecision decision = role == null
                ? new AccessDecision(false, "the caller holds no staff role")
                : CoveredReadPolicy.decide(role, read.purpose(), read.basis());
        auditLog.append(new AuditEvent(
                clock.instant(),
                caller.getName(),
                role == null ? "" : role.name(),
                read.action(),
                read.resource(),
                read.subject(),
                read.purpose().name(),
                read.basis(),
                decision.permitted() ? "PERMIT" : "DENY",
                clientAddress == null ? "" : clientAddress,
                decision.permitted() ? read.detail() : decision.reason()));
        if (!decision.permitted()) {
            throw new AccessDenied(decision.reason());
        }
    }

    /**
     * Decides a customer's read of their own account's data: permitted only when {@code accountId} is one of the
     * caller's own accounts. The decision is audited with subject {@code account:<id>} before any data is read;
     * throws {@link AccessDenied} otherwise.
     *
     * @param action what is done, e.g. "read-usage"
     * @param resource what is read, e.g. "account/A-1/usage"
     * @param detail what else an auditor needs, e.g. the period
     */
    public void authorizeOwn(
            Authentication caller,
            String accountId,
            String action,
            String resource,
            String detail,
            String clientAddress) {
        boolean own = CustomerPrincipals.owns(caller, accountId);
        auditLog.append(new AuditEvent(
                clock.instant(),
                caller.getName(),
                CustomerPrincipals.CUSTOMER_ROLE,
                action,
                resource,
                "account:" + accountId,
                CustomerPrincipals.OWN_ACCESS,
                "",
                own ? "PERMIT" : "DENY",
                clientAddress == null ? "" : clientAddress,
                own ? detail : "account " + accountId + " is not one of the caller's own accounts"));
        if (!own) {
            throw new AccessDenied("account " + accountId + " is not one of your accounts");
        }
    }

    private static StaffRole roleOf(Authentication caller) {
        return caller.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a != null && a.startsWith(StaffAccounts.ROLE_PREFIX))
                .map(a -> a.substring(StaffAccounts.ROLE_PREFIX.length()))
                .flatMap(name -> java.util.Arrays.stream(StaffRole.values())
                        .filter(r -> r.name().equals(name)))
                .findFirst()
                .orElse(null);
    }
}
