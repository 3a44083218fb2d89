package org.meterguard.audit;

/**
 * The journal could not make appends durable (a write or an fsync failed) or could not be read. Once its writer has
 * failed, a journal completes every pending append and refuses every new one with this exception: whether the last
 * batch reached the disk is unknown, so only reopening (which recovers to what is on disk) may continue.
 */
public class JournalFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
