package org.meterguard.server.connect;

import java.util.Objects;

/**
 * A newly registered client's id and secret, shown to the privacy officer once (only the secret's hash is kept).
 *
 * @param clientId the OAuth client id
 * @param clientSecret the secret, for HTTP Basic at the token and revocation endpoints
 */
public record ConnectCredentials(String clientId, String clientSecret) {
    public ConnectCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "ConnectCredentials[" + clientId + ", secret redacted]";
    }
}
