package org.meterguard.dlms;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a 96-bit tag on per-thread {@link Cipher} instances (package-private). Sealing refreshes the cached
 * instance when the JDK refuses to re-initialise it with the key and IV it used last; opening reports every failure as
 * the same {@link DecryptionFailed}.
 */
final class Gcm {
    static final int TAG_BITS = 96;
    static final int TAG_LENGTH = TAG_BITS / 8;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(Gcm::newCipher);

    private Gcm() {}

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is not available in this JDK", e);
        }
    }

    /** Encrypts {@code plaintext} under the additional data parts; returns ciphertext ‖ 12-byte tag. */
    static byte[] seal(SecretKeySpec key, byte[] iv, byte[] plaintext, byte[]... aad) {
        byte[] sealed = new byte[plaintext.length + TAG_LENGTH];
        sealInto(key, iv, plaintext, sealed, 0, aad);
        return sealed;
    }

    /** As {@link #seal}, writing ciphertext ‖ tag into {@code out} from {@code offset}: no array of its own. */
    static void sealInto(SecretKeySpec key, byte[] iv, byte[] plaintext, byte[] out, int offset, byte[]... aad) {
        try {
            Cipher cipher = encryptor(key, iv);
            for (byte[] part : aad) {
                cipher.updateAAD(part);
            }
            cipher.doFinal(plaintext, 0, plaintext.length, out, offset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "AES-GCM encryption failed: " + e.getClass().getSimpleName());
        }
    }

    private static Cipher encryptor(SecretKeySpec key, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = CIPHER.get();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        } catch (InvalidAlgorithmParameterException sameKeyAndIv) {
            // The JDK refuses the key and IV of this instance's previous encryption; a fresh instance accepts them.
            cipher = newCipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            CIPHER.set(cipher);
        }
        return cipher;
    }

    /**
     * Decrypts and verifies {@code input[offset, offset + length)} (ciphertext ‖ tag) under the additional data parts.
     *
     * @throws DecryptionFailed on any failure, without detail
     */
    static byte[] open(SecretKeySpec key, byte[] iv, byte[] input, int offset, int length, byte[]... aad) {
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            for (byte[] part : aad) {
                cipher.updateAAD(part);
            }
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new DecryptionFailed();
        }
    }

    /**
     * Decrypts and verifies {@code input[offset, offset + length)} (ciphertext ‖ tag) under {@code aad1 ‖ aad2} into
     * {@code output[outputOffset, outputOffset + length - 12)}, which must not overlap the input and must hold it.
     *
     * @return the plaintext length
     * @throws DecryptionFailed on any failure, without detail
     */
    static int openInto(
            SecretKeySpec key,
            byte[] iv,
            byte[] input,
            int offset,
            int length,
            byte[] aad1,
            byte[] aad2,
            byte[] output,
            int outputOffset) {
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad1);
            cipher.updateAAD(aad2);
            return cipher.doFinal(input, offset, length, output, outputOffset);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new DecryptionFailed();
        }
    }
}
