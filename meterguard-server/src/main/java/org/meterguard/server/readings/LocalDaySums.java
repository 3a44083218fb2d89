package org.meterguard.server.readings;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import org.meterguard.server.database.CopyBinary;

/**
 * A UTC month's hourly sums added up per local day of one zone, as {@code interval_months} keeps them beside the
 * hours (V26): one entry per local day that an hour of the month starts in, in order, each with the number of the
 * month's hours in it. The first and the last day are usually partial (the rest of them lies in the month before or
 * after), so a reader adds each entry into its local day rather than taking it as the day's total.
 *
 * @param zone the zone of the local days
 * @param days how many local days the month's hours start in
 * @param hours per local day, how many of the month's hours it has
 * @param sums per local day, the sum of its hours' sums
 * @param counts per local day, its filled intervals
 * @param estimated per local day, how many of those are estimates
 */
record LocalDaySums(ZoneId zone, int days, int[] hours, long[] sums, int[] counts, int[] estimated) {
    /** The most local days a UTC month's hours may start in (31 days, partial days at both ends). */
    static final int MOST_DAYS = 32;

    private static final VarHandle BIG_ENDIAN_SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Which local day of a zone each hour of a UTC month starts in, worked out once for every meter in the zone.
     *
     * @param zone the zone
     * @param days how many local days the month's hours start in
     * @param dayOfHour per hour of the month from its first midnight UTC, the index of its local day
     */
    record Layout(ZoneId zone, int days, int[] dayOfHour) {
        /**
         * The layout of {@code month}'s hours in {@code zone}; null when a local midnight of the month falls inside a
         * UTC hour (a zone whose offset then is not a whole number of hours), since such an hour belongs to two
         * local days.
         */
        static Layout of(YearMonth month, ZoneId zone) {
            ZoneRules rules = zone.getRules();
            long start = month.atDay(1).toEpochDay() * 86_400L;
            int[] dayOfHour = new int[month.lengthOfMonth() * 24];
            int d = -1;
            LocalDate current = null;
            for (int h = 0; h < dayOfHour.length; h++) {
                long at = start + 3600L * h;
                LocalDate day = localDay(rules, at);
                if (!day.equals(localDay(rules, at + 3599))) {
                    return null;
                }
                if (!day.equals(current)) {
                    current = day;
                    d++;
                    if (d == MOST_DAYS) {
                        throw new IllegalStateException("the hours of " + month + " start in more than " + MOST_DAYS
                                + " local days of " + zone);
                    }
                }
                dayOfHour[h] = d;
            }
            return new Layout(zone, d + 1, dayOfHour);
        }

        private static LocalDate localDay(ZoneRules rules, long epochSecond) {
            int offset = rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
            return LocalDate.ofEpochDay(Math.floorDiv(epochSecond + offset, 86_400L));
        }
    }

    /**
     * The month's hours of {@code sums}, {@code counts} and {@code estimated} (from its first midnight UTC) added up
     * per local day of {@code layout}.
     */
    static LocalDaySums of(Layout layout, long[] sums, int[] counts, int[] estimated) {
        int[] dayHours = new int[layout.days()];
        long[] daySums = new long[layout.days()];
        int[] dayCounts = new int[layout.days()];
        int[] dayEstimated = new int[layout.days()];
        int[] dayOfHour = layout.dayOfHour();
        for (int h = 0; h < dayOfHour.length; h++) {
            int d = dayOfHour[h];
            dayHours[d]++;
            daySums[d] += sums[h];
            dayCounts[d] += counts[h];
            dayEstimated[d] += estimated[h];
        }
        return new LocalDaySums(layout.zone(), layout.days(), dayHours, daySums, dayCounts, dayEstimated);
    }

    /**
     * Appends these as the five fields {@code day_zone}, {@code day_hours}, {@code day_sums} (as
     * {@link HourSums#packSums}), {@code day_counts} and {@code day_estimated} of V26, or five NULLs for {@code null}.
     */
    static void append(LocalDaySums days, CopyBinary rows) {
        if (days == null) {
            rows.text(null).bytea(null).bytea(null).bytea(null).bytea(null);
            return;
        }
        days.appendTo(rows);
    }

    private void appendTo(CopyBinary rows) {
        boolean anyEstimate = false;
        byte[] hourBytes = new byte[days];
        byte[] countBytes = new byte[2 * days];
        byte[] estimateBytes = new byte[2 * days];
        for (int d = 0; d < days; d++) {
            if (counts[d] > Short.MAX_VALUE) {
                throw new IllegalStateException(counts[d] + " intervals in one local day do not fit a month row");
            }
            anyEstimate |= estimated[d] > 0;
            hourBytes[d] = (byte) hours[d];
            BIG_ENDIAN_SHORT.set(countBytes, 2 * d, (short) counts[d]);
            BIG_ENDIAN_SHORT.set(estimateBytes, 2 * d, (short) estimated[d]);
        }
        rows.text(zone.getId())
                .bytea(hourBytes)
                .bytea(HourSums.packSums(sums, days))
                .bytea(countBytes)
                .bytea(anyEstimate ? estimateBytes : null);
    }

    /**
     * Decodes a month row's local days ({@link #append}) of the UTC month starting at {@code monthStart} (epoch
     * seconds): per day, the second its first hour in the month starts into {@code starts}, and its sums, counts and
     * estimates; each array must hold {@link #MOST_DAYS}. Returns the number of days.
     */
    static int decode(
            long monthStart,
            byte[] hourBytes,
            byte[] sumBytes,
            byte[] countBytes,
            byte[] estimateBytes,
            long[] starts,
            long[] sums,
            int[] counts,
            int[] estimated) {
        int days = hourBytes.length;
        if (days > MOST_DAYS
                || countBytes.length != 2 * days
                || (estimateBytes != null && estimateBytes.length != 2 * days)
                || !HourSums.unpackSums(sumBytes, days, sums)) {
            throw new IllegalStateException("a stored row of local days has " + days + " days, " + sumBytes.length
                    + " bytes of sums and " + countBytes.length + " of counts");
        }
        long start = monthStart;
        for (int d = 0; d < days; d++) {
            starts[d] = start;
            start += 3600L * (hourBytes[d] & 0xff);
            counts[d] = (short) BIG_ENDIAN_SHORT.get(countBytes, 2 * d) & 0xffff;
            estimated[d] = estimateBytes == null ? 0 : (short) BIG_ENDIAN_SHORT.get(estimateBytes, 2 * d) & 0xffff;
        }
        return days;
    }
}
