package org.meterguard.core.thirdparty;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A breach of covered information at a third party, as the privacy officer records it.
 *
 * @param breachId its identifier
 * @param thirdPartyId the party where it happened
 * @param detected the day it was detected
 * @param reportedByThirdParty the day the party reported it to the utility; empty while it has not
 * @param customersAffected how many customers' information it touched (0 or more)
 */
public record Breach(
        String breachId,
        String thirdPartyId,
        LocalDate detected,
        Optional<LocalDate> reportedByThirdParty,
        int customersAffected) {
    public Breach {
        Ids.require(breachId, "breach id");
        Ids.require(thirdPartyId, "third-party id");
        Objects.requireNonNull(detected, "detected");
        Objects.requireNonNull(reportedByThirdParty, "reportedByThirdParty");
        if (customersAffected < 0) {
            throw new ThirdPartyRuleViolated("breach " + breachId + " affects " + customersAffected
                    + " customers; the number cannot be negative");
        }
        if (reportedByThirdParty.isPresent() && reportedByThirdParty.get().isBefore(detected)) {
            throw new ThirdPartyRuleViolated("breach " + breachId + " was reported on " + reportedByThirdParty.get()
                    + ", before it was detected on " + detected);
        }
    }
}
