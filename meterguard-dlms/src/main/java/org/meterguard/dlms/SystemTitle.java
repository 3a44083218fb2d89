package org.meterguard.dlms;

import java.util.HexFormat;

/**
 * The 8-byte DLMS system title of a device, held big-endian in a {@code long}. The first three bytes are the FLAG
 * manufacturer id (three ASCII letters), the remaining five identify the device. Every 64-bit value is a valid title.
 *
 * <pre>
 * +----+----+----+----+----+----+----+----+
 * | manufacturer | device identification  |
 * +----+----+----+----+----+----+----+----+
 *   0    1    2    3    4    5    6    7
 * </pre>
 *
 * @param value the eight bytes, big-endian
 */
public record SystemTitle(long value) {
    /** Number of bytes of a system title. */
    public static final int LENGTH = 8;

    /**
     * The title made of exactly eight bytes.
     *
     * @throws IllegalArgumentException naming the length when it is not 8
     */
    public static SystemTitle of(byte[] eight) {
        if (eight == null || eight.length != LENGTH) {
            throw new IllegalArgumentException("invalid system title length "
                    + (eight == null ? "null" : Integer.toString(eight.length)) + "; expected 8 bytes");
        }
        long v = 0;
        for (byte b : eight) {
            v = (v << 8) | (b & 0xFF);
        }
        return new SystemTitle(v);
    }

    /**
     * Parses sixteen hexadecimal digits (either case), for example "4D4D4D0000BC614E".
     *
     * @throws IllegalArgumentException naming the text when it is not sixteen hex digits
     */
    public static SystemTitle parse(String hex16) {
        if (hex16 == null || hex16.length() != 16 || !hex16.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("invalid system title '"
                    + (hex16 == null ? "null" : hex16.length() > 40 ? hex16.substring(0, 40) + "…" : hex16)
                    + "'; expected 16 hex digits");
        }
        return new SystemTitle(HexFormat.fromHexDigitsToLong(hex16));
    }

    /** A fresh copy of the eight bytes, big-endian. */
    public byte[] toBytes() {
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = (byte) (value >>> (56 - 8 * i));
        }
        return out;
    }

    /**
     * The first three bytes as the FLAG manufacturer id; a byte that is not an ASCII letter is shown as '?'.
     */
    public String manufacturer() {
        char[] chars = new char[3];
        for (int i = 0; i < 3; i++) {
            int b = (int) (value >>> (56 - 8 * i)) & 0xFF;
            boolean letter = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
            chars[i] = letter ? (char) b : '?';
        }
        return new String(chars);
    }

    /** Sixteen uppercase hex digits, for example "4D4D4D0000BC614E". */
    @Override
    public String toString() {
        return Hex.hex(value);
    }
}
