package org.meterguard.server.database;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A day row's interval values as {@code interval_day.vals} keeps them, one slot per interval, in one of two forms
 * that tell themselves apart by their length:
 *
 * <pre>
 * wide    4n bytes       slot 0 (int32, big-endian) | slot 1 | … | slot n-1     missing: -2147483648 (V6)
 * narrow  1 + 2n bytes   0x02 | slot 0 (int16, big-endian) | … | slot n-1         missing: -32768 (V24)
 * </pre>
 *
 * A wide form's length is even, a narrow one's odd. Rows are written narrow whenever every value fits in 16 bits (a
 * quarter-hour of a home or a small business, in Wh: almost every row), which halves the values' bytes in the table,
 * its write-ahead log and every read; wide otherwise. Readers take either.
 */
public final class PackedSlots {
    /** What {@link #value} gives for a missing slot, in either form. */
    public static final int MISSING = Integer.MIN_VALUE;

    private static final byte NARROW = 2;
    private static final short NARROW_MISSING = Short.MIN_VALUE;
    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BIG_ENDIAN_SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    private PackedSlots() {}

    /** The length of {@code values} packed: the narrow form's when every present one fits it, else the wide form's. */
    static int length(long[] values, boolean[] present) {
        for (int i = 0; i < values.length; i++) {
            if (present[i] && (values[i] <= NARROW_MISSING || values[i] > Short.MAX_VALUE)) {
                return values.length * 4;
            }
        }
        return 1 + values.length * 2;
    }

    /**
     * Writes the values in the form {@code length} (from {@link #length}) chose, at {@code at} of {@code out}; a
     * present value must fit 32 bits and differ from the missing mark (an error names the first that does not).
     */
    static void write(long[] values, boolean[] present, int length, byte[] out, int at) {
        boolean narrow = isNarrow(length);
        if (narrow) {
            out[at++] = NARROW;
        }
        for (int i = 0; i < values.length; i++) {
            long value = values[i];
            if (present[i] && (value != (int) value || value == MISSING)) {
                throw new IllegalArgumentException("value " + value + " at slot " + i + " does not fit an integer");
            }
            if (narrow) {
                BIG_ENDIAN_SHORT.set(out, at, present[i] ? (short) value : NARROW_MISSING);
                at += 2;
            } else {
                BIG_ENDIAN_INT.set(out, at, present[i] ? (int) value : MISSING);
                at += 4;
            }
        }
    }

    /** True for the narrow form's length (odd), false for the wide form's. */
    public static boolean isNarrow(int length) {
        return (length & 1) == 1;
    }

    /**
     * The number of slots in {@code packed}.
     *
     * @throws IllegalStateException when it is in neither form
     */
    public static int slots(byte[] packed) {
        return slots(packed, 0, packed.length);
    }

    private static int slots(byte[] bytes, int offset, int length) {
        if (isNarrow(length)) {
            if (bytes[offset] != NARROW) {
                throw new IllegalStateException(
                        "packed values of " + length + " bytes start with " + bytes[offset] + ", not " + NARROW);
            }
            return (length - 1) / 2;
        }
        if (length % 4 != 0) {
            throw new IllegalStateException("packed values of " + length + " bytes are in neither form");
        }
        return length / 4;
    }

    /** Slot {@code slot}'s value, or {@link #MISSING}; {@code narrow} is {@link #isNarrow} of the length. */
    public static int value(byte[] packed, boolean narrow, int slot) {
        return value(packed, 0, narrow, slot);
    }

    private static int value(byte[] bytes, int offset, boolean narrow, int slot) {
        if (narrow) {
            short value = (short) BIG_ENDIAN_SHORT.get(bytes, offset + 1 + slot * 2);
            return value == NARROW_MISSING ? MISSING : value;
        }
        return (int) BIG_ENDIAN_INT.get(bytes, offset + slot * 4);
    }

    /**
     * Decodes {@code packed} into {@code values}, {@code missing} for a missing slot, and returns the slot count.
     *
     * @throws IllegalStateException when it is in neither form or has more slots than {@code values} holds
     */
    public static int decode(byte[] packed, long[] values, long missing) {
        return decode(packed, 0, packed.length, values, missing);
    }

    /** {@link #decode(byte[], long[], long)} of the {@code length} bytes at {@code offset} of {@code bytes}. */
    public static int decode(byte[] bytes, int offset, int length, long[] values, long missing) {
        int slots = slots(bytes, offset, length);
        if (slots > values.length) {
            throw new IllegalStateException("packed values of " + slots + " slots; at most " + values.length + " fit");
        }
        boolean narrow = isNarrow(length);
        for (int slot = 0; slot < slots; slot++) {
            int value = value(bytes, offset, narrow, slot);
            values[slot] = value == MISSING ? missing : value;
        }
        return slots;
    }
}
