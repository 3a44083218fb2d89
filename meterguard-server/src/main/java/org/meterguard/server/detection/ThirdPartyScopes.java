package org.meterguard.server.detection;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.meterguard.core.detection.ThirdPartyGrant;
import org.meterguard.core.detection.ThirdPartyGrants;
import org.springframework.stereotype.Service;

/**
 * Third parties' authorizations as detection checks pulls against them (audited with the third-party role and the
 * authorization id as basis). Held in memory: the module that keeps third parties' authorizations feeds it with
 * {@link #grant} (at start and on each change) and {@link #end} on expiry or revocation.
 */
@Service
public class ThirdPartyScopes implements ThirdPartyGrants {
    private final Map<String, ThirdPartyGrant> grants = new ConcurrentHashMap<>();

    /** Records (or replaces) an authorization. */
    public void grant(ThirdPartyGrant grant) {
        grants.put(grant.authorizationId(), grant);
    }

    /** Ends an authorization at {@code at} (revocation); pulls after that fall outside it. */
    public void end(String authorizationId, Instant at) {
        grants.computeIfPresent(
                authorizationId,
                (id, g) -> at.isAfter(g.from())
                        ? new ThirdPartyGrant(
                                id, g.party(), g.subjects(), g.from(), at.isBefore(g.until()) ? at : g.until())
                        : null);
    }

    @Override
    public Optional<ThirdPartyGrant> find(String authorizationId) {
        return Optional.ofNullable(grants.get(authorizationId));
    }
}
