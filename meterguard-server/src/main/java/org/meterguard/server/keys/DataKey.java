package org.meterguard.server.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 data key that seals personal details at rest (AES-256-GCM, a random 96-bit nonce per value). The key
 * itself is stored only wrapped under the {@link KeyEncryptionKey}; deleting the wrapped key makes everything it
 * sealed unreadable for good. Callers never handle nonces; the associated data names what a value is and whose,
 * so a sealed value moved to another field or account does not open.
 *
 * <pre>
 * sealed value:  nonce (12 bytes) ‖ ciphertext ‖ GCM tag (16 bytes)
 * </pre>
 */
public final class DataKey {
    private static final int KEY_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private DataKey(byte[] keyBytes) {
        if (keyBytes.length != KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "invalid data key size " + keyBytes.length + "; only " + KEY_LENGTH + " bytes are supported");
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    /** A fresh random key. */
    public static DataKey generate() {
        byte[] bytes = new byte[KEY_LENGTH];
        RANDOM.nextBytes(bytes);
        try {
            return new DataKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** This key wrapped for {@code owner} under {@code kek}, the only form in which it is stored. */
    public WrappedKey wrapFor(KeyEncryptionKey kek, String owner) {
        byte[] bytes = key.getEncoded();
        try {
            return kek.wrap(bytes, owner);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The key wrapped for {@code owner} under {@code kek}. */
    public static DataKey unwrap(KeyEncryptionKey kek, WrappedKey wrapped, String owner) {
        byte[] bytes = kek.unwrap(wrapped, owner);
        try {
            return new DataKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Seals {@code text} (UTF-8) bound to {@code context}. */
    public byte[] seal(String text, String context) {
        try {
            byte[] nonce = new byte[NONCE_LENGTH];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_LENGTH + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal " + context, e);
        }
    }

    /** Opens a value sealed for {@code context}; fails when it was sealed for another or altered. */
    public String open(byte[] sealed, String context) {
        if (sealed.length < NONCE_LENGTH + TAG_BITS / 8) {
            throw new IllegalStateException("the sealed " + context + " is " + sealed.length + " bytes, too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_LENGTH));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealed " + context + " does not open (altered or misplaced)");
        }
    }

    @Override
    public String toString() {
        return "DataKey[redacted]";
    }
}
