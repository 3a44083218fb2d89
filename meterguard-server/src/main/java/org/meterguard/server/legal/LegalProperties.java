package org.meterguard.server.legal;

import java.util.EnumSet;
import java.util.Set;
import org.meterguard.core.legal.LegalDemandKind;
import org.meterguard.core.legal.LegalDemandPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the legal-demand rules, {@code meterguard.legal.*}. The defaults are the CPUC's (D.11-07-056, Rule
 * 6(c)(2)): upon a subpoena the customer is notified before anything is released and has 7 days to contest it.
 *
 * @param contestDays the days the customer has after the notice to contest
 * @param contestKinds the kinds of demand that wait for the notice and the contest period (never EMERGENCY)
 */
@ConfigurationProperties("meterguard.legal")
public record LegalProperties(
        @DefaultValue("7") int contestDays,
        @DefaultValue("SUBPOENA") Set<LegalDemandKind> contestKinds) {

    /** The policy these settings make. */
    public LegalDemandPolicy policy() {
        return new LegalDemandPolicy(
                contestDays,
                contestKinds.isEmpty() ? EnumSet.noneOf(LegalDemandKind.class) : EnumSet.copyOf(contestKinds));
    }
}
