package org.meterguard.audit;

import static org.meterguard.audit.TreeHeadDescriptor.ENCODED_LENGTH;
import static org.meterguard.audit.TreeHeadDescriptor.KEY_ID_OFFSET;
import static org.meterguard.audit.TreeHeadDescriptor.ROOT_HASH_OFFSET;
import static org.meterguard.audit.TreeHeadDescriptor.SIGNATURE_OFFSET;
import static org.meterguard.audit.TreeHeadDescriptor.SIGNATURE_TYPE_OFFSET;
import static org.meterguard.audit.TreeHeadDescriptor.SIGNATURE_TYPE_TREE_HASH;
import static org.meterguard.audit.TreeHeadDescriptor.SIGNED_LENGTH;
import static org.meterguard.audit.TreeHeadDescriptor.TIMESTAMP_OFFSET;
import static org.meterguard.audit.TreeHeadDescriptor.TREE_SIZE_OFFSET;
import static org.meterguard.audit.TreeHeadDescriptor.VERSION_OFFSET;
import static org.meterguard.audit.TreeHeadDescriptor.VERSION_V1;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signed tree head: the log's signed statement that its first {@link #treeSize()} entries have the Merkle root
 * {@link #rootHash()}, made at {@link #timestamp()} by the key with id {@link #keyId()}. Layout in
 * {@link TreeHeadDescriptor}.
 *
 * <p>Holding a head says nothing about whether it is genuine: {@link #decode} accepts any well-formed encoding, so
 * that a verifier can hold a forged head in order to reject it. Only {@link TreeHeadVerifier} decides. Immutable;
 * bytes are copied in and out, and equality compares the whole encoding.
 */
public final class SignedTreeHead {
    private final byte[] encoded;

    private SignedTreeHead(byte[] encoded) {
        this.encoded = encoded;
    }

    /**
     * Reads an encoded head (see {@link TreeHeadDescriptor}); anything but 146 bytes of version 0, signature type 1
     * and sizes and times below 2^63 is an {@link IllegalArgumentException} naming what is wrong.
     */
    public static SignedTreeHead decode(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        return decode(encoded, 0, encoded.length);
    }

    /** As {@link #decode(byte[])}, for the {@code length} bytes at {@code offset}. */
    static SignedTreeHead decode(byte[] source, int offset, int length) {
        if (length != ENCODED_LENGTH) {
            throw new IllegalArgumentException(
                    "invalid signed tree head length " + length + "; only " + ENCODED_LENGTH + " bytes are valid");
        }
        byte[] copy = Arrays.copyOfRange(source, offset, offset + length);
        if (copy[VERSION_OFFSET] != VERSION_V1 || copy[SIGNATURE_TYPE_OFFSET] != SIGNATURE_TYPE_TREE_HASH) {
            throw new IllegalArgumentException(
                    "unknown tree head version " + copy[VERSION_OFFSET] + " / signature type "
                            + copy[SIGNATURE_TYPE_OFFSET] + "; only 0 / 1 (RFC 6962 v1 tree_hash) is supported");
        }
        ByteBuffer fields = ByteBuffer.wrap(copy);
        if (fields.getLong(TREE_SIZE_OFFSET) < 0 || fields.getLong(TIMESTAMP_OFFSET) < 0) {
            throw new IllegalArgumentException("tree head size or timestamp is 2^63 or more");
        }
        return new SignedTreeHead(copy);
    }

    /** The head with these fields and signature; the signer is the only caller. */
    static SignedTreeHead of(byte[] signedBytes, Hash keyId, byte[] signature) {
        byte[] encoded = Arrays.copyOf(signedBytes, ENCODED_LENGTH);
        keyId.copyTo(encoded, KEY_ID_OFFSET);
        System.arraycopy(signature, 0, encoded, SIGNATURE_OFFSET, TreeHeadDescriptor.SIGNATURE_LENGTH);
        return new SignedTreeHead(encoded);
    }

    /** The 50 signed bytes (RFC 6962 TreeHeadSignature) for these values. */
    static byte[] signedBytes(long treeSize, Hash rootHash, long timestampMillis) {
        byte[] bytes = new byte[SIGNED_LENGTH];
        ByteBuffer.wrap(bytes)
                .put(VERSION_OFFSET, VERSION_V1)
                .put(SIGNATURE_TYPE_OFFSET, SIGNATURE_TYPE_TREE_HASH)
                .putLong(TIMESTAMP_OFFSET, timestampMillis)
                .putLong(TREE_SIZE_OFFSET, treeSize);
        rootHash.copyTo(bytes, ROOT_HASH_OFFSET);
        return bytes;
    }

    /** The number of entries the head covers. */
    public long treeSize() {
        return ByteBuffer.wrap(encoded).getLong(TREE_SIZE_OFFSET);
    }

    /** MTH of the first {@link #treeSize()} entries. */
    public Hash rootHash() {
        return Hash.of(encoded, ROOT_HASH_OFFSET);
    }

    /** When the head was signed, to the millisecond. */
    public Instant timestamp() {
        return Instant.ofEpochMilli(timestampMillis());
    }

    /** {@link #timestamp()} in milliseconds since 1970-01-01 UTC, as signed. */
    public long timestampMillis() {
        return ByteBuffer.wrap(encoded).getLong(TIMESTAMP_OFFSET);
    }

    /** SHA-256 of the signer's X.509 SubjectPublicKeyInfo, as the head claims it; not itself signed. */
    public Hash keyId() {
        return Hash.of(encoded, KEY_ID_OFFSET);
    }

    /** A copy of the 64-byte Ed25519 signature. */
    public byte[] signature() {
        return Arrays.copyOfRange(encoded, SIGNATURE_OFFSET, ENCODED_LENGTH);
    }

    /** A copy of the 50 signed bytes. */
    public byte[] signedBytes() {
        return Arrays.copyOf(encoded, SIGNED_LENGTH);
    }

    /** A copy of the 146-byte encoding. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** The encoding without a copy, for this package's writers; callers must not modify it. */
    byte[] encodedView() {
        return encoded;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedTreeHead h && MessageDigest.isEqual(h.encoded, encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    /** Size, root, time and key id; the signature is left out as noise. */
    @Override
    public String toString() {
        return "SignedTreeHead[size=" + treeSize() + ", root=" + rootHash() + ", timestamp=" + timestamp() + ", keyId="
                + keyId() + "]";
    }
}
