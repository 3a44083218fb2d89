package org.meterguard.server.access;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.MeterId;
import org.meterguard.core.StaffRole;
import org.meterguard.core.access.AccessDecision;
import org.meterguard.core.access.AccessRequest;
import org.meterguard.core.access.BasisCheck;
import org.meterguard.core.access.BasisKind;
import org.meterguard.core.access.Permission;
import org.meterguard.core.access.PolicyDecisionPoint;
import org.meterguard.core.access.Scope;
import org.meterguard.server.accounts.Occupants;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.keys.Pseudonyms;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Service;

/**
 * The policy enforcement point in front of {@link PolicyDecisionPoint}, and the only one: it resolves the facts the
 * pure decision needs (the caller's role and privacy training, the customers a read concerns, whether they are in the
 * caller's queue or territory, the declared basis as found in its register), asks for the decision, and records it.
 *
 * <p>A covered read ({@link #authorize}) is recorded before anything is read, permitted or not, once per customer
 * account concerned (subject {@code account:<id>}; {@code meter:<id>} when the meter served nobody then, and
 * {@code area:…} for an area read, which shows pseudonyms only). Other actions are decided at the door by
 * {@link #requires} and audited there when refused.
 */
@Service
public class AccessControl {
    private final AuditLog auditLog;
    private final Occupants occupants;
    private final Assignments assignments;
    private final Bases bases;
    private final Pseudonyms pseudonyms;
    private final ObjectProvider<CustomerAuthorizations> authorizations;
    private final Clock clock;

    AccessControl(
            AuditLog auditLog,
            Occupants occupants,
            Assignments assignments,
            Bases bases,
            Pseudonyms pseudonyms,
            ObjectProvider<CustomerAuthorizations> authorizations) {
        this.auditLog = auditLog;
        this.occupants = occupants;
        this.assignments = assignments;
        this.bases = bases;
        this.pseudonyms = pseudonyms;
        this.authorizations = authorizations;
        this.clock = Clock.systemUTC();
    }

    /**
     * Decides {@code read} for {@code caller} from {@code clientAddress} and audits the decision; returns the permit
     * only when the read may proceed, else throws {@link AccessDenied} with the reason.
     */
    public Permit authorize(Authentication caller, CoveredRead read, String clientAddress) {
        StaffRole role = roleOf(caller);
        String user = caller.getName();
        List<String> accounts = accountsConcerned(read);
        AccessRequest request = AccessRequest.coveredRead(
                        role, read.permission(), read.ofArea() ? Scope.AREA : Scope.CUSTOMER, read.purpose(), today())
                .withTraining(assignments.training(user).orElse(null));
        if (caller instanceof JwtAuthenticationToken) {
            request = request.bySystem(); // a service account: see ServiceAccounts
        }
        if (role != null && PolicyDecisionPoint.needsAssignedScope(role)) {
            request = request.withAssignedScope(assignments.coversAll(user, accounts, read.period()));
        }
        BasisKind kind = role == null ? null : BasisKind.requiredFor(role, read.purpose());
        if (kind != null) {
            request = request.withBasis(checkBasis(kind, read, user, accounts));
        }
        AccessDecision decision = PolicyDecisionPoint.decide(request);
        List<String> subjects = accounts.isEmpty()
                ? List.of(read.target())
                : accounts.stream().map(a -> CoveredRead.ACCOUNT + a).toList();
        for (String subject : subjects) {
            auditLog.append(new AuditEvent(
                    clock.instant(),
                    user,
                    role == null ? "" : role.name(),
                    read.action(),
                    read.resource(),
                    subject,
                    read.purpose().name(),
                    read.basis(),
                    decision.permitted() ? "PERMIT" : "DENY",
                    clientAddress == null ? "" : clientAddress,
                    decision.permitted() ? read.detail() : decision.reason()));
        }
        if (!decision.permitted()) {
            throw new AccessDenied(decision.reason());
        }
        return new Permit(decision.disclosure(), decision.reason(), pseudonyms);
    }

    /**
     * The door check for an action that reads no covered information: permitted where the caller's role holds
     * {@code permission}; a refusal carries the reason (see {@link PermissionDenied}).
     */
    public AuthorizationManager<RequestAuthorizationContext> requires(Permission permission) {
        return (authentication, context) -> {
            Authentication caller = authentication.get();
            StaffRole role =
                    caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()
                            ? null
                            : roleOf(caller);
            AccessDecision decision = PolicyDecisionPoint.decide(AccessRequest.action(role, permission, today()));
            return new PermissionDenied.Reasoned(decision.permitted(), decision.reason());
        };
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

    private List<String> accountsConcerned(CoveredRead read) {
        if (read.target().startsWith(CoveredRead.METER)) {
            return occupants.ofMeter(MeterId.of(read.targetId()), read.period());
        }
        if (read.target().startsWith(CoveredRead.ACCOUNT)) {
            return List.of(read.targetId());
        }
        return List.of();
    }

    private BasisCheck checkBasis(BasisKind kind, CoveredRead read, String user, List<String> accounts) {
        if (kind != BasisKind.CUSTOMER_AUTHORIZATION || read.basis().isEmpty()) {
            return bases.check(kind, read.basis(), user, read.target(), accounts, read.period());
        }
        CustomerAuthorizations register = authorizations.getIfAvailable();
        BasisCheck.Status status = register == null
                ? BasisCheck.Status.UNKNOWN
                : register.check(read.basis(), user, accounts, read.period());
        return new BasisCheck(kind, read.basis(), status);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The caller's role name, empty when they hold none. */
    static String roleName(Authentication caller) {
        StaffRole role = roleOf(caller);
        return role == null ? "" : role.name();
    }

    /** The caller's staff role, null when they hold none. */
    static StaffRole roleOf(Authentication caller) {
        return caller.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a != null && a.startsWith(StaffAccounts.ROLE_PREFIX))
                .map(a -> a.substring(StaffAccounts.ROLE_PREFIX.length()))
                .flatMap(name ->
                        Arrays.stream(StaffRole.values()).filter(r -> r.name().equals(name)))
                .findFirst()
                .orElse(null);
    }
}
