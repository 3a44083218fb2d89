package org.meterguard.server.access.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 defines them over RFC 4226's HOTP: HMAC-SHA-1 of the big-endian
 * 8-byte time step {@code floor(unix seconds / 30)}, dynamically truncated to {@code digits} decimal digits.
 * Verification accepts the current step and one either side, compares in constant time, and reports which step
 * matched so that the caller can refuse any step already used (each code is good once).
 */
public final class Totp {
    /** Seconds per time step (RFC 6238's default X). */
    public static final long STEP_SECONDS = 30;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final int digits;

    /** A TOTP of {@code digits} digits (6 for sign-in; 8 for RFC 6238's test vectors). */
    public Totp(int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("invalid TOTP length " + digits + "; only 6 to 8 digits are supported");
        }
        this.digits = digits;
    }

    /** The time step that {@code at} falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for {@code step}, zero-padded to this TOTP's length. */
    public String code(TotpSecret secret, long step) {
        byte[] counter = new byte[8];
        for (int i = 7; i >= 0; i--) {
            counter[i] = (byte) (step >>> (8 * (7 - i)));
        }
        byte[] hash = secret.apply(key -> hmacSha1(key, counter));
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step, among {@code at}'s and its two neighbours, whose code is {@code candidate}; empty when none is.
     * All three are computed and compared in constant time whatever the candidate.
     */
    public OptionalLong matchingStep(TotpSecret secret, String candidate, Instant at) {
        byte[] given = candidate == null
                ? new byte[0]
                : candidate.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long now = step(at);
        long matched = Long.MIN_VALUE;
        for (long step = now - 1; step <= now + 1; step++) {
            byte[] expected = code(secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given) && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable in this JVM", e);
        }
    }
}
