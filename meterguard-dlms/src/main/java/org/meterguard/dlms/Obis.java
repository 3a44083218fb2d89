package org.meterguard.dlms;

import java.nio.ByteBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OBIS code (IEC 62056-61), the six-group logical name of a COSEM object. On the wire it is six bytes A to F:
 *
 * <pre>
 * +---+---+---+---+---+---+
 * | A | B | C | D | E | F |   each 0..255
 * +---+---+---+---+---+---+
 * </pre>
 *
 * @param a medium (0 abstract, 1 electricity)
 * @param b channel
 * @param c physical quantity
 * @param d processing
 * @param e tariff or further classification
 * @param f historical value (255 when unused)
 */
public record Obis(int a, int b, int c, int d, int e, int f) {
    /** Number of bytes of an OBIS code on the wire. */
    public static final int LENGTH = 6;

    /** Clock object, 0.0.1.0.0.255. */
    public static final Obis CLOCK = new Obis(0, 0, 1, 0, 0, 255);
    /** Active energy import (+A) total register, 1.0.1.8.0.255. */
    public static final Obis ACTIVE_ENERGY_IMPORT = new Obis(1, 0, 1, 8, 0, 255);
    /** Active energy export (-A) total register, 1.0.2.8.0.255. */
    public static final Obis ACTIVE_ENERGY_EXPORT = new Obis(1, 0, 2, 8, 0, 255);
    /** Active energy import (+A) within the capture period, 1.0.1.29.0.255. */
    public static final Obis ACTIVE_ENERGY_IMPORT_INTERVAL = new Obis(1, 0, 1, 29, 0, 255);
    /** Active energy export (-A) within the capture period, 1.0.2.29.0.255. */
    public static final Obis ACTIVE_ENERGY_EXPORT_INTERVAL = new Obis(1, 0, 2, 29, 0, 255);
    /** Instantaneous voltage of phase L1, 1.0.32.7.0.255. */
    public static final Obis VOLTAGE_L1 = new Obis(1, 0, 32, 7, 0, 255);
    /** Instantaneous voltage of phase L2, 1.0.52.7.0.255. */
    public static final Obis VOLTAGE_L2 = new Obis(1, 0, 52, 7, 0, 255);
    /** Instantaneous voltage of phase L3, 1.0.72.7.0.255. */
    public static final Obis VOLTAGE_L3 = new Obis(1, 0, 72, 7, 0, 255);
    /** Meter status word, 0.0.96.10.1.255. */
    public static final Obis STATUS_WORD = new Obis(0, 0, 96, 10, 1, 255);

    /** Load profile 1 (profile generic, class 7), 1.0.99.1.0.255: the pushed object of a load-profile push. */
    public static final Obis LOAD_PROFILE_1 = new Obis(1, 0, 99, 1, 0, 255);
    /** Standard event log (profile generic), 0.0.99.98.0.255. */
    public static final Obis STANDARD_EVENT_LOG = new Obis(0, 0, 99, 98, 0, 255);
    /** Power failure event log (profile generic), 0.0.99.97.0.255. */
    public static final Obis POWER_FAILURE_EVENT_LOG = new Obis(0, 0, 99, 97, 0, 255);
    /**
     * The readout object Meterguard meters push register values through, 0.0.21.0.1.255 (OBIS group C = 21 is
     * "general local port readout"; E = 1 is this head-end's choice of instance).
     */
    public static final Obis REGISTER_READOUT = new Obis(0, 0, 21, 0, 1, 255);

    private static final Pattern TEXT =
            Pattern.compile("(\\d{1,3})[.-](\\d{1,3})[.:](\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})[.*](\\d{1,3})");

    public Obis {
        check("A", a);
        check("B", b);
        check("C", c);
        check("D", d);
        check("E", e);
        check("F", f);
    }

    private static void check(String group, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("OBIS group " + group + " value " + value + " out of range 0..255");
        }
    }

    /**
     * Parses "1.0.1.8.0.255", "1-0:1.8.0.255" or "1-0:1.8.0*255".
     *
     * @throws IllegalArgumentException naming the text when it is not an OBIS code
     */
    public static Obis parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("invalid OBIS code '" + abbreviate(text)
                    + "'; expected A.B.C.D.E.F or A-B:C.D.E.F with values 0..255");
        }
        int[] g = new int[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            g[i] = Integer.parseInt(m.group(i + 1));
        }
        return new Obis(g[0], g[1], g[2], g[3], g[4], g[5]);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** Writes the six bytes at the buffer's position. */
    public void writeTo(ByteBuffer buffer) {
        buffer.put((byte) a)
                .put((byte) b)
                .put((byte) c)
                .put((byte) d)
                .put((byte) e)
                .put((byte) f);
    }

    /**
     * Reads six bytes at the buffer's position.
     *
     * @throws java.nio.BufferUnderflowException when fewer than six bytes remain
     */
    public static Obis read(ByteBuffer buffer) {
        if (buffer.remaining() < LENGTH) {
            throw new java.nio.BufferUnderflowException();
        }
        return new Obis(
                buffer.get() & 0xFF,
                buffer.get() & 0xFF,
                buffer.get() & 0xFF,
                buffer.get() & 0xFF,
                buffer.get() & 0xFF,
                buffer.get() & 0xFF);
    }

    /** The six bytes A..F. */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
        writeTo(buffer);
        return buffer.array();
    }

    /** "A.B.C.D.E.F" in decimal, for example "1.0.1.8.0.255". */
    @Override
    public String toString() {
        return a + "." + b + "." + c + "." + d + "." + e + "." + f;
    }
}
