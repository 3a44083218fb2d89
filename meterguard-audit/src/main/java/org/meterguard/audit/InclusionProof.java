package org.meterguard.audit;

import java.util.List;
import java.util.Objects;

/**
 * The claim that the leaf at {@code leafIndex} is included in the tree of the first {@code treeSize} leaves: the
 * audit path of RFC 9162 §2.1.3.1, from the leaf's sibling up to the root's child.
 *
 * <p>The record checks nothing but nulls, on purpose: a proof is what a log (possibly a lying one) hands an
 * auditor, and an auditor must be able to hold any such claim in order to reject it. Only
 * {@link MerkleProofs#verifyInclusion} decides whether it is true.
 *
 * @param leafIndex the index of the leaf, counted from 0
 * @param treeSize the number of leaves in the tree whose root the proof leads to
 * @param path the audit path, innermost sibling first; an immutable copy
 */
public record InclusionProof(long leafIndex, long treeSize, List<Hash> path) {
    /** Copies {@code path}; a null path or null element is a {@link NullPointerException}. */
    public InclusionProof {
        path = List.copyOf(Objects.requireNonNull(path, "path"));
    }
}
