package org.meterguard.server.access;

import java.util.List;
import org.meterguard.core.TimeRange;
import org.meterguard.core.access.BasisCheck;

/**
 * The register of customers' own authorizations (for secondary purposes and third parties), as access control
 * checks a declared one. Provide one bean; without it every declared authorization is unknown and every secondary
 * read is refused.
 */
public interface CustomerAuthorizations {
    /**
     * What the register says of {@code authorizationId} for {@code reader} reading the data of {@code accounts}
     * over {@code period}: VALID only where it is in force for every account and the whole period.
     */
    BasisCheck.Status check(String authorizationId, String reader, List<String> accounts, TimeRange period);
}
