package org.meterguard.pki;

/**
 * A PKI operation that could not be carried out. The message names the collector, serial, file or setting at fault
 * so a person can act on it; it never carries a password or key material.
 */
public class PkiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
