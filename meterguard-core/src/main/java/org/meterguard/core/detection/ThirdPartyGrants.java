package org.meterguard.core.detection;

import java.util.Map;
import java.util.Optional;

/** Third parties' authorizations by id; looked up for every third-party pull. */
@FunctionalInterface
public interface ThirdPartyGrants {
    /** The authorization a pull names as its basis, if it exists. */
    Optional<ThirdPartyGrant> find(String authorizationId);

    /** A fixed set of grants. */
    static ThirdPartyGrants of(Map<String, ThirdPartyGrant> grants) {
        Map<String, ThirdPartyGrant> copy = Map.copyOf(grants);
        return id -> Optional.ofNullable(copy.get(id));
    }
}
