package org.meterguard.audit;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of RFC 9162 §2.1 (as RFC 6962): a leaf is SHA-256(0x00 ‖ entry), an interior node is
 * SHA-256(0x01 ‖ left ‖ right), and the empty tree's root is SHA-256 of nothing. The distinct prefixes keep a
 * leaf from ever being passed off as a node.
 */
public final class MerkleHashing {
    /** The byte a leaf hash input starts with. */
    static final byte LEAF_PREFIX = 0x00;
    /** The byte an interior node hash input starts with. */
    static final byte NODE_PREFIX = 0x01;

    private MerkleHashing() {}

    /** The leaf hash of {@code entry}. */
    public static Hash leafHash(byte[] entry) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(entry);
        return Hash.of(sha256.digest());
    }

    /** The hash of the interior node over {@code left} and {@code right}. */
    public static Hash nodeHash(Hash left, Hash right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left.bytes());
        sha256.update(right.bytes());
        return Hash.of(sha256.digest());
    }

    /** The root of the empty tree. */
    public static Hash emptyRoot() {
        return Hash.of(sha256().digest());
    }

    /**
     * The node hash over the 32 bytes at {@code leftOffset} of {@code left} and at {@code rightOffset} of
     * {@code right}, written to {@code target} at {@code targetOffset} (which may overlap either input), with the
     * caller's digest: the allocation-free form of {@link #nodeHash(Hash, Hash)} for the append and verify loops.
     */
    static void nodeHash(
            MessageDigest sha256,
            byte[] left,
            int leftOffset,
            byte[] right,
            int rightOffset,
            byte[] target,
            int targetOffset) {
        sha256.update(NODE_PREFIX);
        sha256.update(left, leftOffset, Hash.LENGTH);
        sha256.update(right, rightOffset, Hash.LENGTH);
        digestInto(sha256, target, targetOffset);
    }

    /** Finishes {@code sha256} into the 32 bytes at {@code offset} of {@code target} and resets it. */
    static void digestInto(MessageDigest sha256, byte[] target, int offset) {
        try {
            sha256.digest(target, offset, Hash.LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
    }

    /** A new SHA-256 digest, for a caller that reuses it. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
