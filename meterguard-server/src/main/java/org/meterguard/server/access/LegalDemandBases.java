package org.meterguard.server.access;

import java.util.List;
import org.meterguard.core.TimeRange;
import org.meterguard.core.access.BasisCheck;

/**
 * The legal-demand register as access control checks a declared legal demand (the basis of a read for a legal
 * requirement). Provide one bean; without it every declared legal demand is unknown and such reads are refused.
 */
public interface LegalDemandBases {
    /**
     * What the register says of {@code demandId} as the basis of reading {@code accounts} over {@code period}: VALID
     * only where the demand is open and names every account and the whole period.
     */
    BasisCheck.Status check(String demandId, List<String> accounts, TimeRange period);
}
