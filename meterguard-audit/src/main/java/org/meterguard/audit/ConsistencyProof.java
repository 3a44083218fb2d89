package org.meterguard.audit;

import java.util.List;
import java.util.Objects;

/**
 * The claim that the tree of the first {@code oldSize} leaves is a prefix of the tree of the first
 * {@code newSize} leaves, i.e. that the log only appended in between: the consistency proof of RFC 9162 §2.1.4.1.
 *
 * <p>The record checks nothing but nulls, on purpose: a proof is what a log (possibly a lying one) hands an
 * auditor, and an auditor must be able to hold any such claim in order to reject it. Only
 * {@link MerkleProofs#verifyConsistency} decides whether it is true.
 *
 * @param oldSize the number of leaves in the earlier tree
 * @param newSize the number of leaves in the later tree
 * @param path the proof nodes, innermost first; an immutable copy
 */
public record ConsistencyProof(long oldSize, long newSize, List<Hash> path) {
    /** Copies {@code path}; a null path or null element is a {@link NullPointerException}. */
    public ConsistencyProof {
        path = List.copyOf(Objects.requireNonNull(path, "path"));
    }
}
