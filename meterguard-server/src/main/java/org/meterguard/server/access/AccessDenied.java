package org.meterguard.server.access;

/** A read refused by the policy decision point; the message says what is missing, never any data. */
public class AccessDenied extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDenied(String reason) {
        super(reason);
    }
}
