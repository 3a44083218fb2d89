package org.meterguard.audit;

/**
 * A journal that cannot be opened because a record before its last one is damaged or out of place: not a torn final
 * write, which recovery truncates, but data that was already acknowledged as durable. The message names the segment
 * file, the byte offset and the entry index; {@link #entryIndex()} gives the index alone.
 */
public class JournalCorrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long entryIndex;

    public JournalCorrupted(long entryIndex, String message) {
        super(message);
        this.entryIndex = entryIndex;
    }

    /** The index of the entry at which the damage was found (for a damaged tree head, the size it follows). */
    public long entryIndex() {
        return entryIndex;
    }
}
