package org.meterguard.audit;

/**
 * Receives a journal's durable records in log order from a {@link JournalCursor}: each entry with its leaf index,
 * and each signed tree head after the entries it covers. Calls come on the cursor's caller's thread.
 */
public interface JournalRecordSink {
    /** Entry {@code index}, as appended (a fresh copy the sink may keep). */
    void entry(long index, byte[] entry);

    /** A signed tree head, as the journal wrote it; it covers every entry delivered before it. */
    void treeHead(SignedTreeHead head);
}
