package org.meterguard.core.consent;

import java.time.Instant;
import java.util.Objects;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.TimeRange;

/**
 * A third party's request for one customer's covered information.
 *
 * @param thirdPartyId who asks
 * @param accountId whose information
 * @param purpose the purpose of use: a primary one (on a contract) or {@link PurposeOfUse#SECONDARY}
 * @param secondaryPurpose for a secondary purpose, which one (the authorization's purpose token); else empty
 * @param category what information
 * @param usagePeriod the usage asked for, by interval start
 * @param granularity how fine
 * @param at when it is asked
 */
public record DisclosureRequest(
        String thirdPartyId,
        String accountId,
        PurposeOfUse purpose,
        String secondaryPurpose,
        InformationCategory category,
        TimeRange usagePeriod,
        Granularity granularity,
        Instant at) {
    public DisclosureRequest {
        Objects.requireNonNull(thirdPartyId, "thirdPartyId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(usagePeriod, "usagePeriod");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(at, "at");
        secondaryPurpose = secondaryPurpose == null ? "" : secondaryPurpose.strip();
        if (purpose == PurposeOfUse.SECONDARY && secondaryPurpose.isEmpty()) {
            throw new ConsentRuleViolated("a request for a secondary purpose names which one");
        }
    }

    /** What was asked, in one line for the audit log and the disclosure log (no personal data). */
    public String describe() {
        return category + " " + usagePeriod.from() + "/" + usagePeriod.to() + " " + granularity
                + (secondaryPurpose.isEmpty() ? "" : " for " + secondaryPurpose);
    }
}
