package org.meterguard.server.privacy;

/** A notice that cannot be published as asked; the message says why. */
public class NoticeRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoticeRefused(String message) {
        super(message);
    }
}
