package org.meterguard.server.access;

/** A service account's id and secret, handed over once at registration; {@code toString} hides the secret. */
public final class ServiceCredentials {
    private final String clientId;
    private final String secret;

    public ServiceCredentials(String clientId, String secret) {
        this.clientId = clientId;
        this.secret = secret;
    }

    public String clientId() {
        return clientId;
    }

    /** The client secret: show it once, then forget it (only its Argon2id hash is stored). */
    public String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "ServiceCredentials[" + clientId + ", secret redacted]";
    }
}
