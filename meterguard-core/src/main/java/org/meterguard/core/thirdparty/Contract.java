package org.meterguard.core.thirdparty;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.meterguard.core.PurposeOfUse;

/**
 * A contract with a third party. Without the customer's consent, covered information may go to a third party only
 * for a primary purpose, and only when it is bound by contract to protections no less strict than the utility's
 * own: the contract must be ACTIVE, in force on the day, name the purpose, mark the party as a primary-purpose
 * contractor and have its protective terms confirmed. A contract can never allow a secondary purpose: that takes
 * each customer's own authorization.
 *
 * @param contractId its identifier
 * @param thirdPartyId the party bound by it
 * @param terms the terms, or a reference to the signed document
 * @param protectiveTermsConfirmed whether the privacy officer confirmed protections no less strict than ours
 * @param effective the first day in force
 * @param expiry the first day no longer in force; empty for a contract without an end date
 * @param status where it stands
 * @param allowedPurposes the primary purposes it allows
 * @param primaryPurposeContractor whether the party performs primary-purpose work for the utility under it
 */
public record Contract(
        String contractId,
        String thirdPartyId,
        String terms,
        boolean protectiveTermsConfirmed,
        LocalDate effective,
        Optional<LocalDate> expiry,
        ContractStatus status,
        Set<PurposeOfUse> allowedPurposes,
        boolean primaryPurposeContractor) {
    public Contract {
        Ids.require(contractId, "contract id");
        Ids.require(thirdPartyId, "third-party id");
        terms = Ids.requireText(terms, "contract's terms");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(status, "status");
        if (expiry.isPresent() && !expiry.get().isAfter(effective)) {
            throw new ThirdPartyRuleViolated("contract " + contractId + " expires on " + expiry.get()
                    + ", not after its effective date " + effective);
        }
        allowedPurposes = allowedPurposes.isEmpty()
                ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(allowedPurposes));
        for (PurposeOfUse purpose : allowedPurposes) {
            if (!purpose.isPrimary() || purpose == PurposeOfUse.LEGAL_REQUIREMENT) {
                throw new ThirdPartyRuleViolated("contract " + contractId + " cannot allow " + purpose
                        + ": a contract allows only primary purposes (secondary ones need each customer's"
                        + " authorization, legal demands their own register)");
            }
        }
    }

    /** True where the contract is ACTIVE and {@code day} lies within its dates. */
    public boolean inForceOn(LocalDate day) {
        return status == ContractStatus.ACTIVE
                && !day.isBefore(effective)
                && (expiry.isEmpty() || day.isBefore(expiry.get()));
    }

    /** Why this contract is no basis for disclosing for {@code purpose} on {@code day}; empty when it is one. */
    public Optional<String> refusalFor(PurposeOfUse purpose, LocalDate day) {
        String name = "contract " + contractId;
        if (status != ContractStatus.ACTIVE) {
            return Optional.of(name + " is " + status);
        }
        if (day.isBefore(effective)) {
            return Optional.of(name + " takes effect on " + effective);
        }
        if (expiry.isPresent() && !day.isBefore(expiry.get())) {
            return Optional.of(name + " expired on " + expiry.get());
        }
        if (!primaryPurposeContractor) {
            return Optional.of(name + " does not make the party a primary-purpose contractor");
        }
        if (!protectiveTermsConfirmed) {
            return Optional.of(name + " has no confirmed protective terms");
        }
        if (!allowedPurposes.contains(purpose)) {
            return Optional.of(name + " does not allow " + purpose);
        }
        return Optional.empty();
    }
}
