package org.meterguard.dlms;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * A meter's global unicast encryption key (EK) and authentication key (AK) for security suite 0, 16 bytes each
 * (AES-128). Bytes are copied in and out; reading them requires {@link KeyAccess}. {@code toString} never shows them,
 * {@code equals} compares in constant time and {@code hashCode} is a constant so that no function of the keys leaks.
 */
public final class CipheringKeys {
    /** The only supported key size in bytes. */
    public static final int KEY_SIZE = 16;

    private final byte[] encryptionKey;
    private final byte[] authenticationKey;
    private final SecretKeySpec encryptionKeySpec;

    private CipheringKeys(byte[] encryptionKey, byte[] authenticationKey) {
        this.encryptionKey = encryptionKey;
        this.authenticationKey = authenticationKey;
        this.encryptionKeySpec = new SecretKeySpec(encryptionKey, "AES");
    }

    /**
     * Copies the two keys.
     *
     * @throws IllegalArgumentException "invalid key size N; only 16 bytes are supported" when either is not 16 bytes
     */
    public static CipheringKeys of(byte[] ek, byte[] ak) {
        return new CipheringKeys(checked(ek, "encryption key"), checked(ak, "authentication key"));
    }

    private static byte[] checked(byte[] key, String name) {
        Objects.requireNonNull(key, name);
        if (key.length != KEY_SIZE) {
            throw new IllegalArgumentException("invalid key size " + key.length + "; only 16 bytes are supported");
        }
        return key.clone();
    }

    /** Two fresh random keys. */
    public static CipheringKeys generate(SecureRandom random) {
        byte[] ek = new byte[KEY_SIZE];
        byte[] ak = new byte[KEY_SIZE];
        random.nextBytes(ek);
        random.nextBytes(ak);
        return new CipheringKeys(ek, ak);
    }

    /** A copy of EK. */
    public byte[] encryptionKey(KeyAccess access) {
        Objects.requireNonNull(access, "access");
        return encryptionKey.clone();
    }

    /** A copy of AK. */
    public byte[] authenticationKey(KeyAccess access) {
        Objects.requireNonNull(access, "access");
        return authenticationKey.clone();
    }

    /** EK as a JCA key, for this package's cipher calls only. */
    SecretKeySpec encryptionKeySpec() {
        return encryptionKeySpec;
    }

    /** AK without copying, for this package's cipher calls only; callers must not modify it. */
    byte[] authenticationKeyView() {
        return authenticationKey;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CipheringKeys other)) {
            return false;
        }
        boolean ek = MessageDigest.isEqual(encryptionKey, other.encryptionKey);
        boolean ak = MessageDigest.isEqual(authenticationKey, other.authenticationKey);
        return ek & ak;
    }

    @Override
    public int hashCode() {
        return 0x5EC0;
    }

    @Override
    public String toString() {
        return "CipheringKeys[redacted]";
    }
}
