package org.meterguard.server.readings;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.meterguard.core.ReadingQuality;
import org.meterguard.server.database.CopyBinary;
import org.meterguard.server.database.PackedSlots;

/**
 * Hourly sums of interval values: per UTC hour, the sum of the values of the filled slots starting in it, how many
 * were filled and how many of those were estimated. Summed from a stored day row when read ({@link #sumDay}), kept a
 * month to a row in {@code interval_months} (V22, {@link MonthRollups}) in the encoding of {@link #append}.
 */
final class HourSums {
    static final int HOURS = 24;

    private static final boolean[] ESTIMATE = estimateCodes();
    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private HourSums() {}

    private static boolean[] estimateCodes() {
        boolean[] codes = new boolean[256];
        for (ReadingQuality quality : ReadingQuality.values()) {
            codes[quality.espiCode()] = quality.isEstimate();
        }
        return codes;
    }

    /**
     * Sums a stored day row's slots (each of {@code intervalSeconds}; in either of {@link PackedSlots}'
     * forms; their quality {@code shared}, or per slot in {@code codes} when {@link IntervalDay#MIXED_QUALITY}) into
     * the 24 hours from index {@code at} of {@code sums}, {@code counts} and {@code estimated}, which it sets.
     */
    static void sumDay(
            int intervalSeconds,
            byte[] packed,
            short shared,
            byte[] codes,
            long[] sums,
            int[] counts,
            int[] estimated,
            int at) {
        Arrays.fill(sums, at, at + HOURS, 0L);
        Arrays.fill(counts, at, at + HOURS, 0);
        Arrays.fill(estimated, at, at + HOURS, 0);
        int slots = PackedSlots.slots(packed);
        if (slots * intervalSeconds != 86_400) {
            throw new IllegalStateException(
                    "a stored row of " + intervalSeconds + "-second intervals has " + slots + " slots");
        }
        boolean narrow = PackedSlots.isNarrow(packed.length);
        boolean mixed = shared == IntervalDay.MIXED_QUALITY;
        boolean sharedEstimate = !mixed && ESTIMATE[shared & 0xff];
        // The hour is advanced as the slots' starts pass its end, not divided out per slot.
        int hour = at;
        long hourEnd = 3600;
        long start = 0;
        for (int slot = 0; slot < slots; slot++, start += intervalSeconds) {
            while (start >= hourEnd) {
                hour++;
                hourEnd += 3600;
            }
            int value = PackedSlots.value(packed, narrow, slot);
            if (value != PackedSlots.MISSING) {
                sums[hour] += value;
                counts[hour]++;
                if (mixed ? ESTIMATE[codes[slot] & 0xff] : sharedEstimate) {
                    estimated[hour]++;
                }
            }
        }
    }

    /**
     * Appends the first {@code hours} of {@code sums}, {@code counts} and {@code estimated} as three bytea fields, as
     * {@code interval_months} (V22) keeps them: the sums as big-endian integers of 4
     * bytes each when every one fits an integer, else of 8; a byte per hour of counts; a byte per hour of estimates,
     * or null when none is.
     */
    static void append(long[] sums, int[] counts, int[] estimated, int hours, CopyBinary rows) {
        boolean anyEstimate = false;
        byte[] countBytes = new byte[hours];
        byte[] estimateBytes = new byte[hours];
        for (int h = 0; h < hours; h++) {
            if (counts[h] > 255) {
                throw new IllegalStateException(counts[h] + " intervals in one hour do not fit an hour row");
            }
            anyEstimate |= estimated[h] > 0;
            countBytes[h] = (byte) counts[h];
            estimateBytes[h] = (byte) estimated[h];
        }
        rows.bytea(packSums(sums, hours)).bytea(countBytes).bytea(anyEstimate ? estimateBytes : null);
    }

    /**
     * The first {@code n} of {@code sums} as the month rows keep sums (of hours, V22, and of local days, V26):
     * big-endian integers of 4 bytes each when every one fits an integer, else of 8.
     */
    static byte[] packSums(long[] sums, int n) {
        boolean narrow = true;
        for (int i = 0; i < n; i++) {
            narrow &= sums[i] == (int) sums[i];
        }
        byte[] packed = new byte[narrow ? n * 4 : n * 8];
        for (int i = 0; i < n; i++) {
            if (narrow) {
                BIG_ENDIAN_INT.set(packed, i * 4, (int) sums[i]);
            } else {
                BIG_ENDIAN_LONG.set(packed, i * 8, sums[i]);
            }
        }
        return packed;
    }

    /**
     * Unpacks {@link #packSums}' {@code n} sums into {@code sums}; false when {@code packed} is not n sums of 4 or 8
     * bytes.
     */
    static boolean unpackSums(byte[] packed, int n, long[] sums) {
        int width = n == 0 ? 0 : packed.length / n;
        if ((width != 4 && width != 8) || packed.length != n * width || sums.length < n) {
            return false;
        }
        if (width == 4) {
            for (int i = 0; i < n; i++) {
                sums[i] = (int) BIG_ENDIAN_INT.get(packed, i * 4);
            }
        } else {
            for (int i = 0; i < n; i++) {
                sums[i] = (long) BIG_ENDIAN_LONG.get(packed, i * 8);
            }
        }
        return true;
    }

    /**
     * Decodes a stored row of hourly sums ({@link #append}) into {@code sums}, {@code counts} and {@code estimated},
     * which must hold as many hours as the row does; returns that number (24 for a day, a month's hours for a month).
     */
    static int decode(
            byte[] packed, byte[] countBytes, byte[] estimateBytes, long[] sums, int[] counts, int[] estimated) {
        int hours = countBytes.length;
        if ((estimateBytes != null && estimateBytes.length != hours) || !unpackSums(packed, hours, sums)) {
            throw new IllegalStateException(
                    "a stored row of hourly sums has " + packed.length + " bytes of sums and " + hours + " of counts");
        }
        for (int h = 0; h < hours; h++) {
            counts[h] = countBytes[h] & 0xff;
        }
        if (estimateBytes == null) {
            Arrays.fill(estimated, 0, hours, 0);
        } else {
            for (int h = 0; h < hours; h++) {
                estimated[h] = estimateBytes[h] & 0xff;
            }
        }
        return hours;
    }
}
