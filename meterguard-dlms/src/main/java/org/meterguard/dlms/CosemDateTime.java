package org.meterguard.dlms;

import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The 12-byte COSEM date-time (DLMS Blue Book, data type date-time):
 *
 * <pre>
 * +-------+-----+-----+-----+----+-----+-----+------+-----------+--------+
 * | year  |month| day | dow |hour| min | sec |hundr.| deviation | status |
 * | (2)   | (1) | (1) | (1) |(1) | (1) | (1) | (1)  | (2, int16)|  (1)   |
 * +-------+-----+-----+-----+----+-----+-----+------+-----------+--------+
 * </pre>
 *
 * Each field may be "not specified": 0xFFFF for the year, 0xFF for the one-byte fields, 0x8000 for the deviation.
 * Month also allows 0xFD (daylight saving end) and 0xFE (begin), day of month 0xFD (second last) and 0xFE (last day).
 *
 * <p><b>Deviation sign.</b> This codec uses the COSEM convention: the deviation is the offset from local time to UTC in
 * minutes, {@code deviation = UTC - local}. Local time UTC+01:00 is therefore encoded as -60, UTC-05:00 as +300. Accepted
 * range is -840..+840 (UTC+14 to UTC-14).
 *
 * @param year 0..0xFFFE, or 0xFFFF when not specified
 * @param month 1..12, 0xFD, 0xFE or 0xFF
 * @param dayOfMonth 1..31, 0xFD, 0xFE or 0xFF
 * @param dayOfWeek 1 (Monday) .. 7 (Sunday), or 0xFF
 * @param hour 0..23 or 0xFF
 * @param minute 0..59 or 0xFF
 * @param second 0..59 or 0xFF
 * @param hundredths 0..99 or 0xFF
 * @param deviationMinutes UTC minus local time in minutes, -840..840, or {@link #DEVIATION_NOT_SPECIFIED} (-32768 is
 *     accepted and normalised to it)
 * @param clockStatus the clock status bits, 0..255 ({@link #STATUS_DAYLIGHT_SAVING} is bit 7)
 */
public record CosemDateTime(
        int year,
        int month,
        int dayOfMonth,
        int dayOfWeek,
        int hour,
        int minute,
        int second,
        int hundredths,
        int deviationMinutes,
        int clockStatus) {
    /** Encoded length in bytes. */
    public static final int LENGTH = 12;
    /** "Not specified" for the one-byte fields. */
    public static final int NOT_SPECIFIED = 0xFF;
    /** "Not specified" for the year. */
    public static final int YEAR_NOT_SPECIFIED = 0xFFFF;
    /** "Not specified" for the deviation (0x8000 as int16). */
    public static final int DEVIATION_NOT_SPECIFIED = 0x8000;
    /** Largest accepted absolute deviation in minutes. */
    public static final int MAX_DEVIATION = 840;
    /** Clock status bit 7: daylight saving active. */
    public static final int STATUS_DAYLIGHT_SAVING = 0x80;

    public CosemDateTime {
        check("year", year, 0, YEAR_NOT_SPECIFIED);
        checkOrSpecial("month", month, 1, 12, 0xFD);
        checkOrSpecial("day of month", dayOfMonth, 1, 31, 0xFD);
        checkOrSpecial("day of week", dayOfWeek, 1, 7, NOT_SPECIFIED);
        checkOrSpecial("hour", hour, 0, 23, NOT_SPECIFIED);
        checkOrSpecial("minute", minute, 0, 59, NOT_SPECIFIED);
        checkOrSpecial("second", second, 0, 59, NOT_SPECIFIED);
        checkOrSpecial("hundredths", hundredths, 0, 99, NOT_SPECIFIED);
        if (deviationMinutes == Short.MIN_VALUE) {
            deviationMinutes = DEVIATION_NOT_SPECIFIED;
        }
        if (deviationMinutes != DEVIATION_NOT_SPECIFIED) {
            check("deviation", deviationMinutes, -MAX_DEVIATION, MAX_DEVIATION);
        }
        check("clock status", clockStatus, 0, 0xFF);
    }

    private static void check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "date-time " + field + " " + value + " out of range " + min + ".." + max);
        }
    }

    private static void checkOrSpecial(String field, int value, int min, int max, int firstSpecial) {
        if ((value < min || value > max) && (value < firstSpecial || value > NOT_SPECIFIED)) {
            throw new IllegalArgumentException("date-time " + field + " " + value + " out of range " + min + ".." + max
                    + " (or " + Hex.byteHex(firstSpecial) + ".." + "0xFF)");
        }
    }

    /**
     * The date-time of {@code time} with its offset as deviation (UTC+01:00 gives -60), hundredths truncated, clock
     * status 0.
     *
     * @throws IllegalArgumentException for a year outside 0..65534, an offset that is not whole minutes or beyond 14 h
     */
    public static CosemDateTime of(OffsetDateTime time) {
        int offsetSeconds = time.getOffset().getTotalSeconds();
        if (offsetSeconds % 60 != 0) {
            throw new IllegalArgumentException("offset " + time.getOffset() + " is not a whole number of minutes");
        }
        if (time.getYear() < 0 || time.getYear() >= YEAR_NOT_SPECIFIED) {
            throw new IllegalArgumentException("year " + time.getYear() + " out of range 0..65534");
        }
        return new CosemDateTime(
                time.getYear(),
                time.getMonthValue(),
                time.getDayOfMonth(),
                time.getDayOfWeek().getValue(),
                time.getHour(),
                time.getMinute(),
                time.getSecond(),
                time.getNano() / 10_000_000,
                -offsetSeconds / 60,
                0);
    }

    /** The date-time of {@code instant} in UTC (deviation 0), hundredths truncated, clock status 0. */
    public static CosemDateTime ofUtc(Instant instant) {
        return of(instant.atOffset(ZoneOffset.UTC));
    }

    /**
     * The instant this date-time denotes; unspecified hundredths count as 0 and the day of week is not checked.
     *
     * @throws DateTimeException naming the field when year, month, day, hour, minute, second or deviation is not
     *     specified (or special), or when the date does not exist
     */
    public Instant toInstant() {
        requireSpecified("year", year != YEAR_NOT_SPECIFIED);
        requireSpecified("month", month <= 12);
        requireSpecified("day of month", dayOfMonth <= 31);
        requireSpecified("hour", hour != NOT_SPECIFIED);
        requireSpecified("minute", minute != NOT_SPECIFIED);
        requireSpecified("second", second != NOT_SPECIFIED);
        requireSpecified("deviation", deviationMinutes != DEVIATION_NOT_SPECIFIED);
        int nanos = hundredths == NOT_SPECIFIED ? 0 : hundredths * 10_000_000;
        LocalDateTime local = LocalDateTime.of(year, month, dayOfMonth, hour, minute, second, nanos);
        return local.toInstant(ZoneOffset.ofTotalSeconds(-deviationMinutes * 60));
    }

    private void requireSpecified(String field, boolean specified) {
        if (!specified) {
            throw new DateTimeException("date-time " + this + " has no specific " + field + "; it is not an instant");
        }
    }

    /** Writes the 12 bytes at the buffer's position. */
    public void writeTo(ByteBuffer buffer) {
        buffer.putShort((short) year)
                .put((byte) month)
                .put((byte) dayOfMonth)
                .put((byte) dayOfWeek)
                .put((byte) hour)
                .put((byte) minute)
                .put((byte) second)
                .put((byte) hundredths)
                .putShort((short) deviationMinutes)
                .put((byte) clockStatus);
    }

    /** The 12 bytes. */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
        writeTo(buffer);
        return buffer.array();
    }

    /**
     * Reads exactly 12 bytes.
     *
     * @throws IllegalArgumentException naming the length or the field when the bytes are not a valid date-time
     */
    public static CosemDateTime read(byte[] twelve) {
        Objects.requireNonNull(twelve, "twelve");
        if (twelve.length != LENGTH) {
            throw new IllegalArgumentException("date-time of " + twelve.length + " bytes; expected 12");
        }
        ByteBuffer in = ByteBuffer.wrap(twelve);
        return new CosemDateTime(
                in.getShort() & 0xFFFF,
                in.get() & 0xFF,
                in.get() & 0xFF,
                in.get() & 0xFF,
                in.get() & 0xFF,
                in.get() & 0xFF,
                in.get() & 0xFF,
                in.get() & 0xFF,
                in.getShort(),
                in.get() & 0xFF);
    }
}
