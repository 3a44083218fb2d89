package org.meterguard.audit;

import java.util.Objects;

/**
 * What opening a journal found on disk.
 *
 * @param entries the entries recovered, all durable and in the tree
 * @param treeHeads the signed tree heads recovered
 * @param truncatedBytes the bytes of a torn final record (or torn segment header) cut off; 0 if none
 * @param summary one line for the operator, naming the segment, offset and entry index of any truncation
 */
public record JournalRecovery(long entries, long treeHeads, long truncatedBytes, String summary) {
    /** Checks the counts and the summary. */
    public JournalRecovery {
        Objects.requireNonNull(summary, "summary");
        if (entries < 0 || treeHeads < 0 || truncatedBytes < 0) {
            throw new IllegalArgumentException(
                    "negative recovery counts " + entries + "/" + treeHeads + "/" + truncatedBytes);
        }
    }

    /** Whether a torn tail was cut off. */
    public boolean truncated() {
        return truncatedBytes > 0;
    }
}
