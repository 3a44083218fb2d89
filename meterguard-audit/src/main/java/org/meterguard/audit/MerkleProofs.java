package org.meterguard.audit;

import java.util.List;
import java.util.Objects;

/**
 * The verifiers of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), for an auditor who holds tree heads
 * and proofs but not the log. They use nothing but {@link MerkleHashing}, never {@link MerkleTree}, so that a
 * mistake in how the log builds proofs cannot be mirrored by the code that checks them.
 *
 * <p>Every proof is treated as hostile: any inconsistency (a wrong size, index, path length, path element or
 * root) is {@code false}, never an exception, and the work done is bounded by 64 iterations whatever the path
 * length. Only a null argument throws.
 *
 * <p>A proof authenticates a tree size only through the root it leads to: a path can fit two sizes whose trees
 * have the same shape along it (the path to leaf 5 of 8 leaves is also a well-formed path to leaf 5 of 7). Take
 * the size and the root from the same signed tree head, never the size from the proof alone.
 */
public final class MerkleProofs {
    private MerkleProofs() {}

    /**
     * Whether {@code proof} shows that the leaf with hash {@code leafHash} is at {@code proof.leafIndex()} in the
     * tree of {@code proof.treeSize()} leaves whose root is {@code root} (RFC 9162 §2.1.3.2).
     */
    public static boolean verifyInclusion(Hash leafHash, InclusionProof proof, Hash root) {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(root, "root");
        // 1. leaf_index must be below tree_size (and, the RFC's numbers being unsigned, neither negative).
        if (proof.treeSize() < 1 || proof.leafIndex() < 0 || proof.leafIndex() >= proof.treeSize()) {
            return false;
        }
        // 2., 3.
        long fn = proof.leafIndex();
        long sn = proof.treeSize() - 1;
        Hash r = leafHash;
        // 4.
        for (Hash p : proof.path()) {
            if (sn == 0) {
                return false; // the path is longer than the tree is deep
            }
            if (isOdd(fn) || fn == sn) {
                r = MerkleHashing.nodeHash(p, r);
                while (!isOdd(fn) && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHashing.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        // 5.
        return sn == 0 & r.equals(root);
    }

    /**
     * Whether {@code proof} shows that the tree of {@code proof.oldSize()} leaves with root {@code oldRoot} is a
     * prefix of the tree of {@code proof.newSize()} leaves with root {@code newRoot} (RFC 9162 §2.1.4.2).
     *
     * <p>The RFC's algorithm assumes 0 < oldSize < newSize. Beyond it: equal sizes are consistent exactly when the
     * path is empty and the roots are equal (the empty proof {@link MerkleTree#consistencyProof} gives for them),
     * and an old size of 0 or one larger than the new size is never consistent.
     */
    public static boolean verifyConsistency(Hash oldRoot, Hash newRoot, ConsistencyProof proof) {
        Objects.requireNonNull(oldRoot, "oldRoot");
        Objects.requireNonNull(newRoot, "newRoot");
        Objects.requireNonNull(proof, "proof");
        long first = proof.oldSize();
        long second = proof.newSize();
        List<Hash> path = proof.path();
        if (first < 1 || second < first) {
            return false;
        }
        if (first == second) {
            return path.isEmpty() & oldRoot.equals(newRoot);
        }
        // 1.
        if (path.isEmpty()) {
            return false;
        }
        // 2. Prepending first_hash when first is a power of two, without copying a possibly huge hostile list:
        // the walk starts from first_hash and then reads the path from its first element.
        boolean prepend = (first & (first - 1)) == 0;
        // 3.
        long fn = first - 1;
        long sn = second - 1;
        // 4.
        while (isOdd(fn)) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // 5.
        Hash fr = prepend ? oldRoot : path.get(0);
        Hash sr = fr;
        // 6.
        for (int i = prepend ? 0 : 1; i < path.size(); i++) {
            Hash c = path.get(i);
            if (sn == 0) {
                return false; // the path is longer than the trees are deep
            }
            if (isOdd(fn) || fn == sn) {
                fr = MerkleHashing.nodeHash(c, fr);
                sr = MerkleHashing.nodeHash(c, sr);
                while (!isOdd(fn) && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHashing.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        // 7.
        return sn == 0 & fr.equals(oldRoot) & sr.equals(newRoot);
    }

    private static boolean isOdd(long n) {
        return (n & 1) == 1;
    }
}
