package org.meterguard.dlms;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Runs the JDK's AES-GCM over throwaway data until the JIT has compiled it, so that the first real traffic after a
 * start (collectors reconnecting and sending their backlog, TLS 1.3 records and ciphered frames alike) does not meet
 * interpreted GHASH, which is about 60 times slower than the compiled intrinsic (measured: about 260 µs against 4 µs
 * to open a 3 KB message). It exercises the shapes the JDK's TLS and our {@link Gcm} use: byte arrays, heap and
 * direct buffers, with additional data, sealing and opening. The key is random and nothing it produces is kept.
 */
public final class GcmWarmUp {
    private static final int MESSAGE = 3 * 1024;
    private static final int BLOCK = 500;
    /** Per-operation time below which a block counts as compiled: a tenth of the interpreted cost. */
    private static final long COMPILED_NANOS = 25_000;

    private GcmWarmUp() {}

    /**
     * Warms AES-GCM up for at most {@code budgetNanos}, stopping earlier once opening a message has become fast, or
     * when the thread is interrupted; returns how many messages were sealed and opened.
     */
    public static int run(long budgetNanos) {
        long deadline = System.nanoTime() + budgetNanos;
        SecureRandom random = new SecureRandom();
        byte[] keyBytes = new byte[16];
        random.nextBytes(keyBytes);
        SecretKeySpec key = new SecretKeySpec(keyBytes, "AES");
        byte[] iv = new byte[12];
        byte[] aad = new byte[13];
        byte[] plain = new byte[MESSAGE];
        random.nextBytes(plain);
        ByteBuffer directIn = ByteBuffer.allocateDirect(MESSAGE + 16);
        ByteBuffer directOut = ByteBuffer.allocateDirect(MESSAGE + 16);
        ByteBuffer heapOut = ByteBuffer.allocate(MESSAGE + 16);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            int done = 0;
            while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                long started = System.nanoTime();
                int i = 0;
                for (; i < BLOCK && System.nanoTime() < deadline; i++, done++) {
                    iv[0] = (byte) done;
                    iv[1] = (byte) (done >>> 8);
                    iv[2] = (byte) (done >>> 16);
                    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
                    cipher.updateAAD(aad);
                    byte[] sealed = cipher.doFinal(plain);
                    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
                    cipher.updateAAD(aad);
                    cipher.doFinal(sealed, 0, sealed.length, plain, 0);
                    directIn.clear();
                    directIn.put(sealed).flip();
                    directOut.clear();
                    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
                    cipher.updateAAD(aad);
                    cipher.doFinal(directIn, directOut);
                    directOut.flip();
                    heapOut.clear();
                    iv[3]++;
                    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
                    cipher.updateAAD(ByteBuffer.wrap(aad));
                    cipher.doFinal(directOut, heapOut);
                    iv[3]--;
                }
                if (i == BLOCK && (System.nanoTime() - started) / BLOCK < COMPILED_NANOS) {
                    return done;
                }
            }
            return done;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "AES-GCM warm-up failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
