package org.meterguard.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A freshly issued certificate together with its private key and the CA chain, as a password-protected PKCS#12
 * file's bytes. The bytes are copied in and out and never printed.
 */
public final class IssuedBundle {

    private final IssuedCertificate entry;
    private final X509Certificate certificate;
    private final byte[] pkcs12;

    IssuedBundle(IssuedCertificate entry, X509Certificate certificate, byte[] pkcs12) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.pkcs12 = pkcs12.clone();
    }

    /** The index line recorded for this certificate. */
    public IssuedCertificate entry() {
        return entry;
    }

    /** The issued certificate (public). */
    public X509Certificate certificate() {
        return certificate;
    }

    /** A copy of the PKCS#12 file: the private key and the chain (certificate, CA), under the bundle password. */
    public byte[] pkcs12() {
        return pkcs12.clone();
    }

    /**
     * Writes the PKCS#12 file readable by its owner only; refuses to overwrite an existing file.
     *
     * @throws PkiException naming the file when it exists or cannot be written
     */
    public void writeTo(Path file) {
        try {
            SecureFiles.writeNew(file, pkcs12);
        } catch (IOException e) {
            throw new PkiException(
                    "certificate serial " + entry.serialHex() + " for " + entry.name() + " was issued but " + file
                            + " could not be written (" + e.getMessage() + "); revoke it and issue again",
                    e);
        }
    }

    @Override
    public String toString() {
        return "IssuedBundle[" + entry.kind().label() + " " + entry.name() + ", serial " + entry.serialHex()
                + ", pkcs12=<redacted>]";
    }
}
