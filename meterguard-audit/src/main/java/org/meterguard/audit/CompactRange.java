package org.meterguard.audit;

import java.security.MessageDigest;

/**
 * The running root of an append-only tree in O(log n) memory and no allocation per leaf: the roots of the perfect
 * subtrees the leaves so far fall into (one per set bit of the size, largest first), as RFC 9162's MTH splits them.
 * The root of the whole is those subtree roots folded from the right: MTH(D[n]) = H(1 ‖ r0 ‖ H(1 ‖ r1 ‖ … rk)).
 * Not thread-safe.
 */
final class CompactRange implements LeafAccumulator {
    private static final int MAX_HEIGHT = 64;

    private final MessageDigest sha256 = MerkleHashing.sha256();
    /** nodes[i·32, i·32+32) is the i-th subtree root; they are adjacent, so a merge hashes one 64-byte run. */
    private final byte[] nodes = new byte[(MAX_HEIGHT + 1) * Hash.LENGTH];

    private final byte[] fold = new byte[Hash.LENGTH];
    private int count;
    private long size;

    @Override
    public long size() {
        return size;
    }

    /** Hashes the {@code length} bytes at {@code offset} (the leaf prefix and the entry) as the next leaf. */
    @Override
    public void appendLeafInput(byte[] source, int offset, int length) {
        sha256.update(source, offset, length);
        MerkleHashing.digestInto(sha256, nodes, count * Hash.LENGTH);
        count++;
        mergeFrom(size);
        size++;
    }

    /** Appends the 32-byte leaf hash at {@code offset}. */
    void appendLeafHash(byte[] source, int offset) {
        System.arraycopy(source, offset, nodes, count * Hash.LENGTH, Hash.LENGTH);
        count++;
        mergeFrom(size);
        size++;
    }

    /**
     * Appends the root of a perfect subtree of 2^height leaves, which must start where the leaves so far end (the
     * size a multiple of 2^height): how a verifier folds in a block hashed elsewhere.
     */
    void appendSubtreeRoot(byte[] source, int offset, int height) {
        if ((size & ((1L << height) - 1)) != 0) {
            throw new IllegalStateException("a subtree of height " + height + " cannot start at leaf " + size);
        }
        System.arraycopy(source, offset, nodes, count * Hash.LENGTH, Hash.LENGTH);
        count++;
        mergeFrom(size >>> height);
        size += 1L << height;
    }

    /** A copy to fold more leaves into without changing this one. */
    CompactRange copy() {
        CompactRange copy = new CompactRange();
        System.arraycopy(nodes, 0, copy.nodes, 0, count * Hash.LENGTH);
        copy.count = count;
        copy.size = size;
        return copy;
    }

    /** Merges equal-height subtrees at the top: one per trailing one bit of the (scaled) size before the append. */
    private void mergeFrom(long sizeBefore) {
        for (long s = sizeBefore; (s & 1) == 1; s >>>= 1) {
            count--;
            int left = (count - 1) * Hash.LENGTH;
            sha256.update(MerkleHashing.NODE_PREFIX);
            sha256.update(nodes, left, 2 * Hash.LENGTH);
            MerkleHashing.digestInto(sha256, nodes, left);
        }
    }

    /** Writes MTH of the leaves so far to {@code target} at {@code offset}. */
    @Override
    public void root(byte[] target, int offset) {
        if (count == 0) {
            MerkleHashing.digestInto(sha256, target, offset);
            return;
        }
        System.arraycopy(nodes, (count - 1) * Hash.LENGTH, fold, 0, Hash.LENGTH);
        for (int i = count - 2; i >= 0; i--) {
            MerkleHashing.nodeHash(sha256, nodes, i * Hash.LENGTH, fold, 0, fold, 0);
        }
        System.arraycopy(fold, 0, target, offset, Hash.LENGTH);
    }

    /** MTH of the leaves so far. */
    Hash root() {
        byte[] root = new byte[Hash.LENGTH];
        root(root, 0);
        return Hash.of(root);
    }

    @Override
    public void close() {
        // nothing held
    }
}
