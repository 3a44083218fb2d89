package org.meterguard.server.access.internal;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A TOTP shared secret (RFC 4226 recommends 160 bits). Its bytes are reachable only through {@link #apply}, which
 * lends a copy and wipes it afterwards; {@code toString} never shows them.
 */
public final class TotpSecret {
    /** Length of a generated secret in bytes (160 bits, the length of an HMAC-SHA-1 key block's natural key). */
    public static final int LENGTH = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    /** A secret holding a copy of {@code bytes}. */
    public TotpSecret(byte[] bytes) {
        if (bytes.length < 16) {
            throw new IllegalArgumentException(
                    "invalid TOTP secret size " + bytes.length + "; at least 16 bytes are required");
        }
        this.bytes = bytes.clone();
    }

    /** A fresh random 160-bit secret. */
    public static TotpSecret generate() {
        byte[] fresh = new byte[LENGTH];
        RANDOM.nextBytes(fresh);
        try {
            return new TotpSecret(fresh);
        } finally {
            Arrays.fill(fresh, (byte) 0);
        }
    }

    /** Applies {@code use} to a copy of the secret's bytes, wiped when it returns. */
    public <T> T apply(Function<byte[], T> use) {
        byte[] copy = bytes.clone();
        try {
            return use.apply(copy);
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    /** The secret in RFC 4648 Base32 without padding, as authenticator apps read it from an otpauth URI. */
    public String base32() {
        return apply(Base32::encode);
    }

    @Override
    public String toString() {
        return "TotpSecret[redacted]";
    }
}
