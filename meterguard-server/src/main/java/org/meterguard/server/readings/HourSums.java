package org.meterguard.server.readings;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.meterguard.core.ReadingQuality;
import org.meterguard.server.database.CopyBinary;

/**
 * The hourly sums of one day row as {@code interval_hours} keeps them (V18): per UTC hour, the sum of the values of
 * the filled slots starting in it, how many were filled and how many of those were estimated. Written with the day
 * row by {@link ReadingStore}; decoded into reused arrays when read.
 */
final class HourSums {
    static final int HOURS = 24;

    /** About the bytes a row takes in a binary COPY, to size buffers. */
    static final int COPY_BYTES = 200;

    private static final boolean[] ESTIMATE = estimateCodes();
    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final long[] sums = new long[HOURS];
    private final int[] counts = new int[HOURS];
    private final int[] estimated = new int[HOURS];

    private static boolean[] estimateCodes() {
        boolean[] codes = new boolean[256];
        for (ReadingQuality quality : ReadingQuality.values()) {
            codes[quality.espiCode()] = quality.isEstimate();
        }
        return codes;
    }

    /** Sums a day's slots, each of {@code intervalSeconds}, into hours (by the hour its interval starts in). */
    static HourSums of(int intervalSeconds, long[] values, short[] quality, boolean[] present) {
        HourSums hours = new HourSums();
        // The hour is advanced as the slots' starts pass its end, not divided out per slot: a long division per
        // slot was a tenth of the head-end's CPU samples in a fleet's day (JFR).
        int hour = 0;
        long hourEnd = 3600;
        long start = 0;
        for (int slot = 0; slot < values.length; slot++, start += intervalSeconds) {
            while (start >= hourEnd) {
                hour++;
                hourEnd += 3600;
            }
            if (present[slot]) {
                hours.sums[hour] += values[slot];
                hours.counts[hour]++;
                if (ESTIMATE[quality[slot] & 0xff]) {
                    hours.estimated[hour]++;
                }
            }
        }
        return hours;
    }

    /** Appends the row: meter_id, channel, day (already appended by the caller), sums, counts, estimated. */
    void appendTo(CopyBinary rows) {
        append(sums, counts, estimated, HOURS, rows);
    }

    /**
     * Appends the first {@code hours} of {@code sums}, {@code counts} and {@code estimated} as three bytea fields, as
     * {@code interval_hours} (V18) and {@code interval_months} (V22) keep them: the sums as big-endian integers of 4
     * bytes each when every one fits an integer, else of 8; a byte per hour of counts; a byte per hour of estimates,
     * or null when none is.
     */
    static void append(long[] sums, int[] counts, int[] estimated, int hours, CopyBinary rows) {
        boolean narrow = true;
        boolean anyEstimate = false;
        byte[] countBytes = new byte[hours];
        byte[] estimateBytes = new byte[hours];
        for (int h = 0; h < hours; h++) {
            if (counts[h] > 255) {
                throw new IllegalStateException(counts[h] + " intervals in one hour do not fit an hour row");
            }
            narrow &= sums[h] == (int) sums[h];
            anyEstimate |= estimated[h] > 0;
            countBytes[h] = (byte) counts[h];
            estimateBytes[h] = (byte) estimated[h];
        }
        byte[] packed = new byte[narrow ? hours * 4 : hours * 8];
        for (int h = 0, at = 0; h < hours; h++) {
            long sum = sums[h];
            for (int shift = narrow ? 24 : 56; shift >= 0; shift -= 8) {
                packed[at++] = (byte) (sum >>> shift);
            }
        }
        rows.bytea(packed).bytea(countBytes).bytea(anyEstimate ? estimateBytes : null);
    }

    /**
     * Decodes a stored row of hourly sums ({@link #append}) into {@code sums}, {@code counts} and {@code estimated},
     * which must hold as many hours as the row does; returns that number (24 for a day, a month's hours for a month).
     */
    static int decode(
            byte[] packed, byte[] countBytes, byte[] estimateBytes, long[] sums, int[] counts, int[] estimated) {
        int hours = countBytes.length;
        int width = hours == 0 ? 0 : packed.length / hours;
        if ((width != 4 && width != 8)
                || packed.length != hours * width
                || (estimateBytes != null && estimateBytes.length != hours)
                || sums.length < hours) {
            throw new IllegalStateException(
                    "a stored row of hourly sums has " + packed.length + " bytes of sums and " + hours + " of counts");
        }
        if (width == 4) {
            for (int h = 0; h < hours; h++) {
                sums[h] = (int) BIG_ENDIAN_INT.get(packed, h * 4);
            }
        } else {
            for (int h = 0; h < hours; h++) {
                sums[h] = (long) BIG_ENDIAN_LONG.get(packed, h * 8);
            }
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

    /** The sum of hour {@code h}. */
    long sum(int h) {
        return sums[h];
    }

    /** The filled slots of hour {@code h}. */
    int count(int h) {
        return counts[h];
    }

    /** The estimated slots of hour {@code h}. */
    int estimated(int h) {
        return estimated[h];
    }
}
