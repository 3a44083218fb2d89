package org.meterguard.core.consent;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.thirdparty.Contract;
import org.meterguard.core.thirdparty.ThirdParty;

/**
 * Decides whether covered information may go to a third party now. Deny by default: a cut-off party receives
 * nothing; a primary purpose needs a contract in force that binds the party as a primary-purpose contractor with
 * confirmed protective terms and allows that purpose; a secondary purpose needs the customer's own authorization
 * for that party and purpose, active at that instant (not pending, expired or revoked), whose scope covers the
 * category, the whole usage period and the granularity asked for. Legal demands are not third-party requests:
 * they are released through the legal-demand register.
 */
public final class DisclosureRules {
    private final ZoneId utilityZone;

    /** Rules that read contract dates as days in {@code utilityZone}. */
    public DisclosureRules(ZoneId utilityZone) {
        this.utilityZone = Objects.requireNonNull(utilityZone, "utilityZone");
    }

    /**
     * The decision on {@code request} to {@code party}, given the party's {@code contracts} and the customer's
     * {@code authorizations} (any of them; only those for this party, account and purpose count).
     */
    public DisclosureDecision decide(
            DisclosureRequest request,
            Optional<ThirdParty> party,
            Collection<Contract> contracts,
            Collection<CustomerAuthorization> authorizations) {
        if (party.isEmpty() || !party.get().thirdPartyId().equals(request.thirdPartyId())) {
            return DisclosureDecision.refuse("third party " + request.thirdPartyId() + " is not registered");
        }
        if (party.get().isCutOffAt(request.at())) {
            return DisclosureDecision.refuse("third party " + request.thirdPartyId() + " was cut off at "
                    + party.get().cutOff().orElseThrow().at() + " ("
                    + party.get().cutOff().orElseThrow().reason()
                    + "): all disclosure to it has ceased");
        }
        if (request.purpose() == PurposeOfUse.LEGAL_REQUIREMENT) {
            return DisclosureDecision.refuse("legal demands are released through the legal-demand register, not"
                    + " on a third party's request");
        }
        return request.purpose().isPrimary()
                ? onContract(request, contracts)
                : onAuthorization(request, authorizations);
    }

    private DisclosureDecision onContract(DisclosureRequest request, Collection<Contract> contracts) {
        LocalDate day = request.at().atZone(utilityZone).toLocalDate();
        List<String> refusals = new ArrayList<>();
        for (Contract contract : contracts) {
            if (!contract.thirdPartyId().equals(request.thirdPartyId())) {
                continue;
            }
            Optional<String> refusal = contract.refusalFor(request.purpose(), day);
            if (refusal.isEmpty()) {
                return DisclosureDecision.permit(
                        BasisKind.CONTRACT,
                        contract.contractId(),
                        request.purpose() + " by primary-purpose contractor " + request.thirdPartyId() + " under "
                                + contract.contractId());
            }
            refusals.add(refusal.get());
        }
        return DisclosureDecision.refuse(
                refusals.isEmpty()
                        ? "third party " + request.thirdPartyId() + " has no contract; " + request.purpose()
                                + " without the customer's consent needs one"
                        : "no contract is a basis for " + request.purpose() + ": " + String.join("; ", refusals));
    }

    private static DisclosureDecision onAuthorization(
            DisclosureRequest request, Collection<CustomerAuthorization> authorizations) {
        List<String> refusals = new ArrayList<>();
        for (CustomerAuthorization authorization : authorizations) {
            if (!authorization.accountId().equals(request.accountId())
                    || !authorization.thirdPartyId().equals(request.thirdPartyId())
                    || !authorization.purpose().equals(request.secondaryPurpose())) {
                continue;
            }
            String name = "authorization " + authorization.authorizationId();
            AuthorizationStatus status = authorization.statusAt(request.at());
            if (status != AuthorizationStatus.ACTIVE) {
                refusals.add(name + " is " + status);
                continue;
            }
            Optional<String> outside =
                    authorization.scope().refusalFor(request.category(), request.usagePeriod(), request.granularity());
            if (outside.isPresent()) {
                refusals.add(name + " does not cover the request: " + outside.get());
                continue;
            }
            return DisclosureDecision.permit(
                    BasisKind.CUSTOMER_AUTHORIZATION,
                    authorization.authorizationId(),
                    "the customer's " + name + " for " + request.secondaryPurpose());
        }
        return DisclosureDecision.refuse(
                refusals.isEmpty()
                        ? "the customer has not authorized " + request.thirdPartyId() + " for "
                                + request.secondaryPurpose()
                        : String.join("; ", refusals));
    }
}
