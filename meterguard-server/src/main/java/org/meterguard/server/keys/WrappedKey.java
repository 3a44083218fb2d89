package org.meterguard.server.keys;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Key material encrypted under the key-encryption key: {@code nonce (12) ‖ AES-256-GCM ciphertext ‖ tag (16)},
 * bound by associated data to what it is the key of. Safe to store; useless without the KEK.
 */
public final class WrappedKey {
    private final String kekId;
    private final byte[] blob;

    public WrappedKey(String kekId, byte[] blob) {
        this.kekId = kekId;
        this.blob = blob.clone();
    }

    /** The id of the KEK this was wrapped under. */
    public String kekId() {
        return kekId;
    }

    /** The wrapped bytes, as stored. */
    public byte[] blob() {
        return blob.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedKey w && w.kekId.equals(kekId) && Arrays.equals(w.blob, blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return "WrappedKey[kek=" + kekId + ", " + HexFormat.of().formatHex(blob, 0, Math.min(4, blob.length)) + "…]";
    }
}
