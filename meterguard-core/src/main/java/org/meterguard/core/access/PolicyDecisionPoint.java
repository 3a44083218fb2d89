package org.meterguard.core.access;

import java.util.Optional;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.StaffRole;

/**
 * The one policy decision point: deny by default, each refusal with the reason a person can act on. In order:
 *
 * <ol>
 *   <li>the caller must hold a staff role, and the role the permission;
 *   <li>an action that reads no covered information is then permitted;
 *   <li>a covered read declares a purpose, by staff whose privacy training is current;
 *   <li>a secondary purpose needs the customer's valid authorization, whoever reads;
 *   <li>the role's work must be that purpose;
 *   <li>where the role and purpose need a basis (service request, contract, legal demand, customer authorization,
 *       a field technician's work order), it must be on record, open, for this customer or meter, and assigned to
 *       the caller where it is assigned;
 *   <li>a customer-service representative reads only accounts in their queue or territory;
 *   <li>a read of an area discloses pseudonyms only; a read of a meter or account discloses identities.
 * </ol>
 */
public final class PolicyDecisionPoint {
    private PolicyDecisionPoint() {}

    /** The decision on {@code request}. */
    public static AccessDecision decide(AccessRequest request) {
        if (request.role().isEmpty()) {
            return AccessDecision.deny("the caller holds no staff role");
        }
        StaffRole role = request.role().get();
        Permission permission = request.permission();
        if (!RolePermissions.grants(role, permission)) {
            return AccessDecision.deny("role " + role + " does not hold permission " + permission);
        }
        if (!permission.coveredRead()) {
            return AccessDecision.permit("role " + role + " holds permission " + permission, Disclosure.IDENTIFIED);
        }
        return decideCoveredRead(role, request);
    }

    private static AccessDecision decideCoveredRead(StaffRole role, AccessRequest request) {
        if (request.purpose().isEmpty()) {
            return AccessDecision.deny("every read of covered information declares a purpose");
        }
        PurposeOfUse purpose = request.purpose().get();
        Optional<String> untrained = trainingProblem(request);
        if (untrained.isPresent()) {
            return AccessDecision.deny(untrained.get());
        }
        if (purpose == PurposeOfUse.SECONDARY && !basisValid(request, BasisKind.CUSTOMER_AUTHORIZATION)) {
            return AccessDecision.deny("a secondary purpose needs the customer's valid authorization: the read "
                    + basisProblem(request, BasisKind.CUSTOMER_AUTHORIZATION));
        }
        if (!role.mayDeclare(purpose)) {
            return AccessDecision.deny("role " + role + " may not read covered information for " + purpose);
        }
        BasisKind required = BasisKind.requiredFor(role, purpose);
        if (required != null && !basisValid(request, required)) {
            return AccessDecision.deny("a read by " + role + " for " + purpose + " " + basisProblem(request, required));
        }
        if (needsAssignedScope(role) && !request.inAssignedScope()) {
            return AccessDecision.deny("role " + role + " reads only accounts in their own queue or territory,"
                    + " and the customer concerned is not");
        }
        String on = required == null
                ? ""
                : " on " + required.label() + " '" + request.basis().get().id() + "'";
        return request.scope() == Scope.AREA
                ? AccessDecision.permit(
                        role + " reading an area for " + purpose + on + ", pseudonymized", Disclosure.PSEUDONYMIZED)
                : AccessDecision.permit(role + " reading for " + purpose + on, Disclosure.IDENTIFIED);
    }

    /** True for roles that read only the accounts assigned to them (queue or territory). */
    public static boolean needsAssignedScope(StaffRole role) {
        return role == StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE;
    }

    private static Optional<String> trainingProblem(AccessRequest request) {
        if (request.system()) {
            return Optional.empty();
        }
        if (request.training().isEmpty()) {
            return Optional.of("no privacy training is on record for the caller; covered information is read"
                    + " only by staff whose training is current");
        }
        TrainingRecord training = request.training().get();
        if (training.currentOn(request.today())) {
            return Optional.empty();
        }
        return Optional.of(
                training.validUntil().isBefore(request.today())
                        ? "the caller's privacy training expired on " + training.validUntil()
                                + "; renew it before reading covered information"
                        : "the caller's privacy training counts only from " + training.completedOn());
    }

    private static boolean basisValid(AccessRequest request, BasisKind kind) {
        return request.basis()
                .filter(b -> b.kind() == kind && b.status() == BasisCheck.Status.VALID)
                .isPresent();
    }

    private static String basisProblem(AccessRequest request, BasisKind kind) {
        return request.basis()
                .filter(b -> b.kind() == kind)
                .orElse(BasisCheck.notGiven(kind))
                .problem();
    }
}
