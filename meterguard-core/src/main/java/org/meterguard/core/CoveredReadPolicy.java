package org.meterguard.core;

/**
 * Decides whether a member of staff may read covered information (usage that can be tied to a customer) for a
 * declared purpose. Deny by default: the role must be one whose work is that purpose, and a purpose that needs
 * a basis (a request, contract or legal demand) must name one. Secondary purposes need the customer's own
 * authorization, which staff cannot supply for themselves.
 */
public final class CoveredReadPolicy {
    private CoveredReadPolicy() {}

    /** The decision for {@code role} reading for {@code purpose} on {@code basis} (empty when none given). */
    public static AccessDecision decide(StaffRole role, PurposeOfUse purpose, String basis) {
        if (purpose == PurposeOfUse.SECONDARY) {
            return AccessDecision.deny("a secondary purpose needs the customer's authorization");
        }
        if (!role.mayDeclare(purpose)) {
            return AccessDecision.deny("role " + role + " may not read covered information for " + purpose);
        }
        if (purpose.requiresBasis() && (basis == null || basis.isBlank())) {
            return AccessDecision.deny("purpose " + purpose + " needs a basis (request, contract or demand id)");
        }
        return AccessDecision.permit(role + " reading for " + purpose);
    }
}
