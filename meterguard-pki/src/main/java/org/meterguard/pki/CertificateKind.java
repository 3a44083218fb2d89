package org.meterguard.pki;

/** What an issued certificate is for; the index spells these in lower case. */
public enum CertificateKind {
    /** A collector's TLS client certificate: CN is the collector id, OU=collectors, EKU clientAuth. */
    COLLECTOR,
    /** The head-end's TLS server certificate: SAN DNS and IP entries, EKU serverAuth. */
    HEADEND;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static CertificateKind ofLabel(String label) {
        for (CertificateKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new PkiException("unknown certificate kind '" + label + "'; expected collector or headend");
    }
}
