package org.meterguard.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An append-only Merkle tree over leaf hashes, held in memory, computing roots and proofs exactly as RFC 9162
 * §2.1 defines them: MTH (§2.1.1), PATH (§2.1.3.1) and PROOF/SUBPROOF (§2.1.4.1), for the whole tree and for
 * every earlier size, since an auditor asks about the tree heads it was shown in the past.
 *
 * <p>The tree stores the leaf hashes and the root of every complete subtree that starts at a multiple of its own
 * width (the "perfect" subtrees a left child always is in RFC 9162's split at the largest power of two smaller
 * than the size). Appending a leaf adds, amortised, one node hash. Every MTH the RFC's recursion asks for is
 * then one stored perfect subtree on the left and a recursion of depth at most log2(n) on the right, so a root
 * costs O(log n) node hashes and a proof O(log² n), and a million leaves take about 64 MiB.
 *
 * <p>The tree takes leaf hashes rather than entries so that the caller decides what a leaf is; use
 * {@link MerkleHashing#leafHash} on the entry, never a node hash, or the second-preimage protection of the
 * 0x00/0x01 prefixes is lost. Not thread-safe: confine an instance to one thread or guard it with a lock.
 */
public final class MerkleTree {
    /** levels.get(h).get(i) is the root of leaves [i·2^h, (i+1)·2^h); level 0 holds the leaf hashes. */
    private final List<HashStore> levels = new ArrayList<>();

    /** The append path's digest and its two node inputs (left, right), reused so that appending allocates nothing. */
    private final MessageDigest sha256 = MerkleHashing.sha256();

    private final byte[] pair = new byte[2 * Hash.LENGTH];

    private long size;

    /** An empty tree. */
    public MerkleTree() {}

    /** Appends {@code leafHash} as the next leaf and returns its index, counted from 0. */
    public long append(Hash leafHash) {
        Objects.requireNonNull(leafHash, "leafHash");
        leafHash.copyTo(pair, Hash.LENGTH);
        return appendLeafHash(pair, Hash.LENGTH);
    }

    /**
     * Appends the leaf hash held in the 32 bytes at {@code offset} of {@code source}, without allocating, and returns
     * its index: the form the journal's writer uses.
     */
    long appendLeafHash(byte[] source, int offset) {
        long index = size;
        level(0).add(source, offset);
        if ((index & 1) == 1) {
            System.arraycopy(source, offset, pair, Hash.LENGTH, Hash.LENGTH);
            long i = index;
            int height = 0;
            while ((i & 1) == 1) {
                levels.get(height).copyTo(i - 1, pair, 0);
                MerkleHashing.nodeHash(sha256, pair, 0, pair, Hash.LENGTH, pair, Hash.LENGTH);
                height++;
                i >>>= 1;
                level(height).add(pair, Hash.LENGTH);
            }
        }
        size++;
        return index;
    }

    /** The number of leaves. */
    public long size() {
        return size;
    }

    /** The leaf hash at {@code leafIndex}, 0 ≤ leafIndex < size(). */
    public Hash leafHash(long leafIndex) {
        if (leafIndex < 0 || leafIndex >= size) {
            throw new IllegalArgumentException(
                    "leaf index " + leafIndex + " is out of range: the tree has " + size + " leaves");
        }
        return levels.get(0).get(leafIndex);
    }

    /** MTH of all the leaves; for the empty tree, the hash of nothing. */
    public Hash root() {
        return root(size);
    }

    /** MTH(D[0:treeSize]): the root of the tree of the first {@code treeSize} leaves, 0 ≤ treeSize ≤ size(). */
    public Hash root(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException(
                    "tree size " + treeSize + " is out of range: the tree has " + size + " leaves");
        }
        return treeSize == 0 ? MerkleHashing.emptyRoot() : subtreeRoot(0, treeSize);
    }

    /**
     * PATH(leafIndex, D[0:treeSize]) of RFC 9162 §2.1.3.1: the audit path proving that leaf {@code leafIndex} is
     * in the tree of the first {@code treeSize} leaves, 0 ≤ leafIndex < treeSize ≤ size().
     */
    public InclusionProof inclusionProof(long leafIndex, long treeSize) {
        if (treeSize < 1 || treeSize > size) {
            throw new IllegalArgumentException("tree size " + treeSize + " is out of range: an inclusion proof needs"
                    + " a tree of 1 to " + size + " leaves");
        }
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " is out of range: a tree of " + treeSize
                    + " leaves has indices 0 to " + (treeSize - 1));
        }
        // The RFC's recursion, unrolled: each step appends the sibling subtree's root, from the top down.
        List<Hash> path = new ArrayList<>();
        long start = 0;
        long n = treeSize;
        long m = leafIndex;
        while (n > 1) {
            long k = largestPowerOfTwoBelow(n);
            if (m < k) {
                path.add(subtreeRoot(start + k, n - k));
                n = k;
            } else {
                path.add(subtreeRoot(start, k));
                start += k;
                m -= k;
                n -= k;
            }
        }
        Collections.reverse(path);
        return new InclusionProof(leafIndex, treeSize, path);
    }

    /**
     * PROOF(oldSize, D[0:newSize]) of RFC 9162 §2.1.4.1: the proof that the tree of the first {@code oldSize}
     * leaves is a prefix of the tree of the first {@code newSize}, 1 ≤ oldSize ≤ newSize ≤ size(). For equal sizes
     * the proof is empty (SUBPROOF(m, D[m], true) = {}). An old size of 0 is refused: the empty tree is a prefix
     * of every tree, and RFC 9162 defines no proof for it.
     */
    public ConsistencyProof consistencyProof(long oldSize, long newSize) {
        if (newSize < 1 || newSize > size) {
            throw new IllegalArgumentException("new size " + newSize + " is out of range: a consistency proof needs"
                    + " a tree of 1 to " + size + " leaves");
        }
        if (oldSize < 1 || oldSize > newSize) {
            throw new IllegalArgumentException(
                    "old size " + oldSize + " is out of range: it must be from 1 to the new size " + newSize);
        }
        // SUBPROOF(m, D[start:start+n], b), unrolled: each step appends one subtree root, from the top down.
        List<Hash> path = new ArrayList<>();
        long start = 0;
        long n = newSize;
        long m = oldSize;
        boolean wholeOldTree = true;
        while (m != n) {
            long k = largestPowerOfTwoBelow(n);
            if (m <= k) {
                path.add(subtreeRoot(start + k, n - k));
                n = k;
            } else {
                path.add(subtreeRoot(start, k));
                start += k;
                m -= k;
                n -= k;
                wholeOldTree = false;
            }
        }
        if (!wholeOldTree) {
            path.add(subtreeRoot(start, n));
        }
        Collections.reverse(path);
        return new ConsistencyProof(oldSize, newSize, path);
    }

    /** MTH(D[start:start+n]) for n ≥ 1 and start + n ≤ size. */
    private Hash subtreeRoot(long start, long n) {
        if (Long.bitCount(n) == 1 && (start & (n - 1)) == 0) {
            int height = Long.numberOfTrailingZeros(n);
            return levels.get(height).get(start >>> height);
        }
        long k = largestPowerOfTwoBelow(n);
        return MerkleHashing.nodeHash(subtreeRoot(start, k), subtreeRoot(start + k, n - k));
    }

    /** The k of RFC 9162 §2.1.1: the largest power of two smaller than n, for n ≥ 2. */
    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private HashStore level(int height) {
        if (height == levels.size()) {
            levels.add(new HashStore());
        }
        return levels.get(height);
    }
}
