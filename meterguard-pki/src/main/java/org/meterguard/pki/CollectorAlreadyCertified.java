package org.meterguard.pki;

/**
 * A collector already holds a valid certificate; a second one is issued only after the first is revoked (for
 * example with {@link RevocationReason#SUPERSEDED}) or has expired.
 */
public final class CollectorAlreadyCertified extends PkiException {

    private static final long serialVersionUID = 1L;

    CollectorAlreadyCertified(String collectorId, String serialHex) {
        super("collector " + collectorId + " already has a valid certificate (serial " + serialHex
                + "); revoke it first (e.g. reason superseded) to issue a new one");
    }
}
