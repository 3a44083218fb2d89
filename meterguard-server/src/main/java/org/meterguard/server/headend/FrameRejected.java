package org.meterguard.server.headend;

/** A frame the head-end refused, with the typed reason; the message never carries key material or plaintext. */
public class FrameRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    public FrameRejected(RejectionReason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
