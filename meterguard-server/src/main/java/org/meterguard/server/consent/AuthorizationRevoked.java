package org.meterguard.server.consent;

import java.util.Objects;
import org.meterguard.core.consent.CustomerAuthorization;

/**
 * Published (as a Spring application event) when a customer revokes an authorization: listeners revoke the tokens
 * issued under it. Every later disclosure decision refuses it in any case.
 *
 * @param authorization the authorization, with its revocation
 */
public record AuthorizationRevoked(CustomerAuthorization authorization) {
    public AuthorizationRevoked {
        Objects.requireNonNull(authorization, "authorization");
    }
}
