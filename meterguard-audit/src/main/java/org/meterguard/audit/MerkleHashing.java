package org.meterguard.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of RFC 9162 §2.1 (as RFC 6962): a leaf is SHA-256(0x00 ‖ entry), an interior node is
 * SHA-256(0x01 ‖ left ‖ right), and the empty tree's root is SHA-256 of nothing. The distinct prefixes keep a
 * leaf from ever being passed off as a node.
 */
public final class MerkleHashing {
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
