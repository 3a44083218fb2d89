package org.meterguard.server.consent;

/** A disclosure refused for want of a valid basis; the message says which, never any data. */
public class DisclosureRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DisclosureRefused(String reason) {
        super(reason);
    }
}
