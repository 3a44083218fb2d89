package org.meterguard.core.access;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.StaffRole;

/**
 * Everything the policy decision point decides from, resolved beforehand by the server (the caller's role, its
 * registers of bases, assignments and training). Built with {@link #action} or {@link #coveredRead} and the
 * {@code with…} methods.
 *
 * @param role the caller's staff role; empty when the caller holds none
 * @param permission what the caller asks to do
 * @param scope what the request concerns
 * @param purpose the declared purpose; empty for an action that reads no covered information
 * @param basis the declared basis as found in its register; empty when not looked up
 * @param inAssignedScope true when every customer account concerned is in the caller's queue or territory
 * @param training the caller's privacy training on record, if any
 * @param system true when the caller is a system (a service account acting in a role), not a person: privacy
 *     training is a person's, so it is not asked of a system; everything else is, and the administrator who
 *     registered the account answers for it
 * @param today the day the request is decided on (training is checked against it)
 */
public record AccessRequest(
        Optional<StaffRole> role,
        Permission permission,
        Scope scope,
        Optional<PurposeOfUse> purpose,
        Optional<BasisCheck> basis,
        boolean inAssignedScope,
        Optional<TrainingRecord> training,
        boolean system,
        LocalDate today) {
    public AccessRequest {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(today, "today");
        if (permission.coveredRead() == (scope == Scope.ACTION)) {
            throw new IllegalArgumentException("permission " + permission + " cannot concern scope " + scope);
        }
    }

    /** {@code role} asking for {@code permission}, an action that reads no covered information. */
    public static AccessRequest action(StaffRole role, Permission permission, LocalDate today) {
        return new AccessRequest(
                Optional.ofNullable(role),
                permission,
                Scope.ACTION,
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                false,
                today);
    }

    /** {@code role} reading covered information in {@code scope} for {@code purpose} (null when none declared). */
    public static AccessRequest coveredRead(
            StaffRole role, Permission permission, Scope scope, PurposeOfUse purpose, LocalDate today) {
        return new AccessRequest(
                Optional.ofNullable(role),
                permission,
                scope,
                Optional.ofNullable(purpose),
                Optional.empty(),
                false,
                Optional.empty(),
                false,
                today);
    }

    /** This request with its basis as found in the register. */
    public AccessRequest withBasis(BasisCheck check) {
        return new AccessRequest(
                role, permission, scope, purpose, Optional.of(check), inAssignedScope, training, system, today);
    }

    /** This request with whether every account concerned is in the caller's queue or territory. */
    public AccessRequest withAssignedScope(boolean inScope) {
        return new AccessRequest(role, permission, scope, purpose, basis, inScope, training, system, today);
    }

    /** This request with the caller's privacy training on record (null when none). */
    public AccessRequest withTraining(TrainingRecord record) {
        return new AccessRequest(
                role, permission, scope, purpose, basis, inAssignedScope, Optional.ofNullable(record), system, today);
    }

    /** This request made by a system (a service account) rather than a person: no privacy training is asked. */
    public AccessRequest bySystem() {
        return new AccessRequest(role, permission, scope, purpose, basis, inAssignedScope, training, true, today);
    }
}
