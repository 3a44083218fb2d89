package org.meterguard.server.consent;

import java.util.Objects;
import org.meterguard.core.TimeRange;
import org.meterguard.core.consent.Granularity;
import org.meterguard.core.legal.ReleaseDecision;

/**
 * One account's interval usage asked for under a legal demand, with the decision of the legal-demand register's
 * rules on it.
 *
 * @param demandId the legal demand
 * @param recipient who receives it: the demand's issuer
 * @param accountId whose usage
 * @param usagePeriod the usage, by interval start
 * @param granularity how fine
 * @param decision whether it may be released now, on which ground, or why not
 */
public record LegalDemandRelease(
        String demandId,
        String recipient,
        String accountId,
        TimeRange usagePeriod,
        Granularity granularity,
        ReleaseDecision decision) {
    public LegalDemandRelease {
        Objects.requireNonNull(demandId, "demandId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(usagePeriod, "usagePeriod");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(decision, "decision");
    }
}
