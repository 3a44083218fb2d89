package org.meterguard.dlms;

/**
 * The security control byte of a secured APDU, restricted to security suite 0 with the unicast key and no compression:
 *
 * <pre>
 *   bit 7     6       5   4   3..0
 * +-----+---------+---+---+----------+
 * | C=0 | key=0   | E | A | suite=0  |
 * +-----+---------+---+---+----------+
 *  C: compression, key: 0 unicast / 1 broadcast, E: encrypted, A: authenticated
 * </pre>
 *
 * A byte with neither E nor A, another suite, the broadcast key or compression is rejected.
 */
public enum SecurityControl {
    /** 0x30: ciphertext and a 12-byte tag over SC ‖ AK. */
    AUTHENTICATED_AND_ENCRYPTED(0x30),
    /** 0x20: ciphertext only, no tag. Offers no integrity; a head-end should refuse it. */
    ENCRYPTED_ONLY(0x20),
    /** 0x10: plaintext in clear and a 12-byte tag over SC ‖ AK ‖ plaintext. */
    AUTHENTICATED_ONLY(0x10);

    private static final int AUTHENTICATED_BIT = 0x10;
    private static final int ENCRYPTED_BIT = 0x20;

    private final int code;

    SecurityControl(int code) {
        this.code = code;
    }

    /**
     * Interprets a security control byte.
     *
     * @throws MalformedApdu naming the byte when it selects a suite other than 0, the broadcast key, compression or no
     *     protection at all
     */
    public static SecurityControl fromByte(int value) {
        String reason = null;
        if (value < 0 || value > 0xFF) {
            reason = "not a byte";
        } else if ((value & 0x0F) != 0) {
            reason = "security suite " + (value & 0x0F) + "; only suite 0 is supported";
        } else if ((value & 0x80) != 0) {
            reason = "compression is not supported";
        } else if ((value & 0x40) != 0) {
            reason = "the broadcast key set is not supported";
        }
        if (reason != null) {
            throw new MalformedApdu("unsupported security control " + Hex.byteHex(value) + ": " + reason);
        }
        return switch (value) {
            case 0x30 -> AUTHENTICATED_AND_ENCRYPTED;
            case 0x20 -> ENCRYPTED_ONLY;
            case 0x10 -> AUTHENTICATED_ONLY;
            default ->
                throw new MalformedApdu(
                        "unsupported security control " + Hex.byteHex(value) + ": applies no protection");
        };
    }

    /** The byte value, 0x30, 0x20 or 0x10. */
    public int toByte() {
        return code;
    }

    /** Whether a 12-byte authentication tag is present. */
    public boolean authenticated() {
        return (code & AUTHENTICATED_BIT) != 0;
    }

    /** Whether the information is encrypted. */
    public boolean encrypted() {
        return (code & ENCRYPTED_BIT) != 0;
    }
}
