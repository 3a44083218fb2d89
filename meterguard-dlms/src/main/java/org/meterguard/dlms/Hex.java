package org.meterguard.dlms;

import java.util.HexFormat;

/** Small formatting helpers for error messages (package-private). */
final class Hex {
    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {}

    /** "0x3A" for a byte value. */
    static String byteHex(int value) {
        return "0x" + UPPER.toHexDigits((byte) value);
    }

    /** "0x0001" for a 16-bit value. */
    static String shortHex(int value) {
        return "0x" + UPPER.toHexDigits((short) value);
    }

    static String hex(long value) {
        return UPPER.toHexDigits(value);
    }
}
