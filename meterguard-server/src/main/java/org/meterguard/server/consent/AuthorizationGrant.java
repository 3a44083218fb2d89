package org.meterguard.server.consent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.meterguard.core.consent.AuthorizationScope;

/**
 * What a customer authorizes: a third party, a secondary purpose, the scope, and from when until when.
 *
 * @param thirdPartyId the party
 * @param purpose the secondary purpose token
 * @param scope what the party may receive
 * @param start when it takes effect
 * @param expiry when it ends; empty for an open-ended residential authorization
 */
public record AuthorizationGrant(
        String thirdPartyId, String purpose, AuthorizationScope scope, Instant start, Optional<Instant> expiry) {
    public AuthorizationGrant {
        Objects.requireNonNull(thirdPartyId, "thirdPartyId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(expiry, "expiry");
    }
}
