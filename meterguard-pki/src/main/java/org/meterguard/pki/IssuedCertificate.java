package org.meterguard.pki;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the CA's issued-certificates index.
 *
 * @param serial the certificate's serial number (positive)
 * @param kind collector or head-end
 * @param name the collector id, or the head-end's first host name
 * @param subject the subject distinguished name, RFC 4514 form
 * @param notAfter end of validity
 * @param revokedAt when it was revoked, or {@code null} while it is not
 * @param reason why it was revoked, or {@code null} while it is not
 */
public record IssuedCertificate(
        BigInteger serial,
        CertificateKind kind,
        String name,
        String subject,
        Instant notAfter,
        Instant revokedAt,
        RevocationReason reason) {

    public IssuedCertificate {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(notAfter, "notAfter");
        if (serial.signum() <= 0) {
            throw new PkiException("serial must be positive, not " + serial);
        }
        if ((revokedAt == null) != (reason == null)) {
            throw new PkiException("serial " + serial.toString(16) + ": revocation time and reason go together");
        }
    }

    /** The serial number in lower-case hexadecimal, as the index and the CLI show it. */
    public String serialHex() {
        return serial.toString(16);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Neither revoked nor expired at {@code now}. */
    public boolean isValidAt(Instant now) {
        return !isRevoked() && now.isBefore(notAfter);
    }

    public Optional<Instant> revocationTime() {
        return Optional.ofNullable(revokedAt);
    }

    IssuedCertificate revoked(Instant at, RevocationReason why) {
        return new IssuedCertificate(serial, kind, name, subject, notAfter, at, why);
    }
}
