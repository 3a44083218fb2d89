package org.meterguard.dlms;

/**
 * Allocation-free conversion between the 12 bytes of a {@link CosemDateTime} and epoch milliseconds, for the push
 * codecs' hot path (package-private). It accepts exactly what {@code CosemDateTime.read(bytes).toInstant()} accepts and
 * writes exactly what {@code CosemDateTime.ofUtc(instant).toBytes()} writes.
 */
final class CosemClock {
    /** Returned by {@link #toEpochMilli} for bytes that are not a specific instant. */
    static final long INVALID = Long.MIN_VALUE;

    private static final long MIN_MILLI = -62_167_219_200_000L; // 0000-01-01T00:00:00Z
    private static final long MAX_MILLI = 1_005_586_473_600_000L - 1; // before 65535-01-01T00:00:00Z

    private CosemClock() {}

    /** The instant of {@code in[at, at + 12)} in epoch milliseconds, or {@link #INVALID}. */
    static long toEpochMilli(byte[] in, int at) {
        int year = ((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF);
        int month = in[at + 2] & 0xFF;
        int day = in[at + 3] & 0xFF;
        int dayOfWeek = in[at + 4] & 0xFF;
        int hour = in[at + 5] & 0xFF;
        int minute = in[at + 6] & 0xFF;
        int second = in[at + 7] & 0xFF;
        int hundredths = in[at + 8] & 0xFF;
        int deviation = (short) (((in[at + 9] & 0xFF) << 8) | (in[at + 10] & 0xFF));
        boolean valid = year != CosemDateTime.YEAR_NOT_SPECIFIED
                && month >= 1
                && month <= 12
                && day >= 1
                && day <= daysInMonth(year, month)
                && ((dayOfWeek >= 1 && dayOfWeek <= 7) || dayOfWeek == CosemDateTime.NOT_SPECIFIED)
                && hour <= 23
                && minute <= 59
                && second <= 59
                && (hundredths <= 99 || hundredths == CosemDateTime.NOT_SPECIFIED)
                && deviation >= -CosemDateTime.MAX_DEVIATION
                && deviation <= CosemDateTime.MAX_DEVIATION;
        if (!valid) {
            return INVALID;
        }
        long seconds = daysFromCivil(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
        seconds += deviation * 60L; // deviation = UTC - local
        return seconds * 1_000L + (hundredths == CosemDateTime.NOT_SPECIFIED ? 0 : hundredths * 10L);
    }

    /** Whether {@link #write} can encode this instant (years 0..65534 in UTC). */
    static boolean writable(long epochMilli) {
        return epochMilli >= MIN_MILLI && epochMilli <= MAX_MILLI;
    }

    /** Writes the UTC date-time of {@code epochMilli} (deviation 0, status 0) at {@code out[at]}; see {@link #writable}. */
    static void write(long epochMilli, byte[] out, int at) {
        long days = Math.floorDiv(epochMilli, 86_400_000L);
        long millisOfDay = epochMilli - days * 86_400_000L;
        // civil from days (H. Hinnant's algorithm), days since 1970-01-01
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        int dayOfWeek = (int) Math.floorMod(days + 3, 7) + 1; // 1970-01-01 was a Thursday (4)
        out[at] = (byte) (year >>> 8);
        out[at + 1] = (byte) year;
        out[at + 2] = (byte) month;
        out[at + 3] = (byte) day;
        out[at + 4] = (byte) dayOfWeek;
        writeTime(millisOfDay, out, at);
    }

    /**
     * Writes the time of day, deviation and status of a UTC date-time (bytes 5 to 11 of {@link #write}) at
     * {@code out[at]}: for a row on the same day as one already written, whose date bytes can be copied.
     */
    static void writeTime(long millisOfDay, byte[] out, int at) {
        int secondOfDay = (int) (millisOfDay / 1000);
        out[at + 5] = (byte) (secondOfDay / 3600);
        out[at + 6] = (byte) (secondOfDay / 60 % 60);
        out[at + 7] = (byte) (secondOfDay % 60);
        out[at + 8] = (byte) (millisOfDay % 1000 / 10);
        out[at + 9] = 0;
        out[at + 10] = 0;
        out[at + 11] = 0;
    }

    private static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2) {
            boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }
}
