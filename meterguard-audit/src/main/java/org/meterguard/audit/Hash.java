package org.meterguard.audit;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-256 value: 32 bytes, copied in and out, compared in constant time, printed as lowercase hex. */
public final class Hash {
    /** The length of a SHA-256 hash in bytes. */
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The hash with these 32 bytes; any other length is an error naming it. */
    public static Hash of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("invalid hash length " + bytes.length + "; SHA-256 has 32 bytes");
        }
        return new Hash(bytes.clone());
    }

    /** The hash of these 32 bytes at {@code offset}, copied. */
    static Hash of(byte[] source, int offset) {
        return new Hash(Arrays.copyOfRange(source, offset, offset + LENGTH));
    }

    /** The hash written as 64 hex digits. */
    public static Hash fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Copies the 32 bytes to {@code target} at {@code offset}, without the copy {@link #bytes()} makes. */
    void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    /** Whether the 32 bytes at {@code offset} of {@code other} are this hash, in constant time. */
    boolean equalsBytes(byte[] other, int offset) {
        int difference = 0;
        for (int i = 0; i < LENGTH; i++) {
            difference |= bytes[i] ^ other[offset + i];
        }
        return difference == 0;
    }

    /** The 64 lowercase hex digits. */
    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hash h && MessageDigest.isEqual(h.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
