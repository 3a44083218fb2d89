package org.meterguard.server.detection;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.meterguard.core.consent.CustomerAuthorization;
import org.meterguard.core.detection.ThirdPartyGrant;
import org.meterguard.core.detection.ThirdPartyGrants;
import org.meterguard.server.consent.Authorizations;
import org.springframework.stereotype.Service;

/**
 * Third parties' authorizations as detection checks pulls against them (audited with the third-party role and the
 * authorization id as basis, as {@code consent.Disclosures} does): the customers' authorizations recorded in
 * {@code consent} (party, account, start, and expiry or revocation), plus any grant another module registers with
 * {@link #grant} (e.g. for a channel that keeps its authorizations elsewhere).
 */
@Service
public class ThirdPartyScopes implements ThirdPartyGrants {
    private final Map<String, ThirdPartyGrant> grants = new ConcurrentHashMap<>();
    private final Authorizations authorizations;

    ThirdPartyScopes(Authorizations authorizations) {
        this.authorizations = authorizations;
    }

    /** Records (or replaces) an authorization kept outside {@code consent}. */
    public void grant(ThirdPartyGrant grant) {
        grants.put(grant.authorizationId(), grant);
    }

    /** Ends an authorization registered with {@link #grant} at {@code at}; pulls after that fall outside it. */
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
        ThirdPartyGrant registered = grants.get(authorizationId);
        if (registered != null) {
            return Optional.of(registered);
        }
        return authorizations.find(authorizationId).map(ThirdPartyScopes::grantOf);
    }

    private static ThirdPartyGrant grantOf(CustomerAuthorization a) {
        Instant end = a.end().isAfter(a.start()) ? a.end() : a.start().plusNanos(1);
        return new ThirdPartyGrant(
                a.authorizationId(), a.thirdPartyId(), Set.of("account:" + a.accountId()), a.start(), end);
    }
}
