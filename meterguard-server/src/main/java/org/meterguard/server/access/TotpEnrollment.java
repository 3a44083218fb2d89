package org.meterguard.server.access;

import java.net.URI;
import java.util.Objects;

/**
 * A TOTP secret as handed to its user once, at enrollment: an {@code otpauth://totp/...} URI that an
 * authenticator app reads (usually as a QR code). It holds the secret, so {@code toString} never shows it and it
 * must never be logged or stored.
 */
public final class TotpEnrollment {
    private final String username;
    private final URI uri;

    public TotpEnrollment(String username, URI uri) {
        this.username = Objects.requireNonNull(username, "username");
        this.uri = Objects.requireNonNull(uri, "uri");
    }

    public String username() {
        return username;
    }

    /** The otpauth URI, secret included: show it to its user once, then forget it. */
    public URI otpauthUri() {
        return uri;
    }

    @Override
    public String toString() {
        return "TotpEnrollment[" + username + ", redacted]";
    }
}
