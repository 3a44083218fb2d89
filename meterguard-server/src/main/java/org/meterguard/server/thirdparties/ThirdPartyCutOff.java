package org.meterguard.server.thirdparties;

import java.util.Objects;
import org.meterguard.core.thirdparty.CutOff;

/**
 * Published (as a Spring application event) when disclosure to a third party has ceased: listeners revoke the
 * party's tokens and stop its scheduled deliveries. Every later disclosure decision refuses it in any case.
 *
 * @param thirdPartyId the party cut off
 * @param cutOff when, why and by whom
 */
public record ThirdPartyCutOff(String thirdPartyId, CutOff cutOff) {
    public ThirdPartyCutOff {
        Objects.requireNonNull(thirdPartyId, "thirdPartyId");
        Objects.requireNonNull(cutOff, "cutOff");
    }
}
