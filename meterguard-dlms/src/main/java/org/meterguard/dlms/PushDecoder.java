package org.meterguard.dlms;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes a plaintext push (the {@link DataNotification} APDU, tag 0x0F, as {@link SecuritySuite0#unprotect} returns
 * it) straight from its bytes into a {@link DecodedPush}, checked against the sender's {@link MeterModel}. The layout is
 * drawn in {@link PushDescriptor}. No {@link DataValue} tree is built: a load-profile push of N rows allocates its two
 * primitive arrays and three small objects.
 *
 * <p>Accepted like {@link LoadProfileCodec#decodeBody}: any integer type for a value (not enum), a capture time as
 * octet-string(12) or date-time (tag 0x19), the notification date-time absent or present. Everything else that does
 * not match the model raises {@link MalformedApdu} with the offset and, inside the content, the row and column (column 0
 * is the first element of an entry). Stateless and thread-safe.
 */
public final class PushDecoder {
    private static final int STRUCTURE = 0x02;
    private static final int ARRAY = 0x01;
    private static final int OCTET_STRING = 0x09;
    private static final int UNSIGNED = 0x11;
    private static final int LONG_UNSIGNED = 0x12;
    private static final int INTEGER = 0x0F;
    private static final int ENUM = 0x16;
    private static final int DOUBLE_LONG_UNSIGNED = 0x06;
    /** A double-long-unsigned cell: tag and 4 bytes. */
    private static final int USUAL_VALUE = 5;
    /** Row header and capture time of the usual row: 0x02 K+1 0x09 0x0C and 12 bytes. */
    private static final int ROW_PREFIX = 4 + CosemDateTime.LENGTH;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final byte[] WIDTH = new byte[256];
    private static final boolean[] SIGNED = new boolean[256];

    static {
        for (DataType type : DataType.values()) {
            if (type.isInteger()) {
                WIDTH[type.tag()] = (byte) type.width();
                SIGNED[type.tag()] = type.signed();
            }
        }
    }

    private PushDecoder() {}

    /**
     * Decodes a complete plaintext DataNotification APDU; trailing bytes are refused.
     *
     * @throws MalformedApdu naming offset (and row and column) of the first thing that is not a push of {@code model}
     */
    public static DecodedPush decode(byte[] dataNotificationApdu, MeterModel model) {
        Objects.requireNonNull(dataNotificationApdu, "dataNotificationApdu");
        return decode(dataNotificationApdu, 0, dataNotificationApdu.length, model);
    }

    /**
     * Decodes the complete plaintext DataNotification APDU in {@code bytes[offset, offset + length)}, for instance the
     * plaintext that {@link SecuritySuite0#unprotect(SystemTitle, CipheringKeys, byte[], int, int, byte[], int)} wrote
     * into a reused buffer. Nothing is retained from {@code bytes}; offsets in errors count from {@code offset}.
     *
     * @throws MalformedApdu naming offset (and row and column) of the first thing that is not a push of {@code model}
     * @throws IndexOutOfBoundsException when the range is not inside {@code bytes}
     */
    public static DecodedPush decode(byte[] bytes, int offset, int length, MeterModel model) {
        Objects.requireNonNull(model, "model");
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(bytes, "bytes").length);
        Cursor in = new Cursor(bytes, offset, offset + length);
        in.header();
        SystemTitle device = new SystemTitle(in.octetStringLong(SystemTitle.LENGTH, "logical device name"));
        int obisOffset = in.position - offset;
        Obis pushed = in.obis("logical name of the pushed object");
        DecodedPush push;
        if (pushed.equals(Obis.LOAD_PROFILE_1)) {
            push = new DecodedPush.LoadProfilePush(device, in.loadProfile(model.loadProfile()));
        } else if (model.pushesEventLog(pushed)) {
            push = new DecodedPush.EventLogPush(device, pushed, in.events(pushed));
        } else if (pushed.equals(Obis.REGISTER_READOUT) && !model.registers().isEmpty()) {
            push = new DecodedPush.RegisterPush(device, in.registers(model));
        } else {
            throw new MalformedApdu(
                    obisOffset,
                    "pushed object " + pushed + " is not one model " + model.name()
                            + " pushes (load profile 1.0.99.1.0.255, event logs " + model.eventLogs()
                            + (model.registers().isEmpty() ? "" : ", readout 0.0.21.0.1.255") + ")");
        }
        in.expectEnd();
        return push;
    }

    /**
     * Reads rows from {@code row} on, the first at {@code b[p]}, while they have the usual form, structure(K + 1) {
     * octet-string(12) date-time, K double-long-unsigned } (K + 1 below 0x80), each after one check of its header and
     * of the bytes left before {@code end}; returns the first row it did not read, which the general checks then read
     * (or refuse). Every usual row has the same length, so the caller advances by that many rows' bytes. Capture times
     * share their day's bytes (date, deviation, status) for a day at a time: the full conversion ({@link CosemClock})
     * runs when those change, else the time of day is added to the day's base, which gives the same result. A static
     * loop over locals: the hot path of every load-profile push.
     */
    private static int usualRows(byte[] b, int p, int end, int row, int rows, int k, long[] times, long[] values) {
        int header = (STRUCTURE << 24) | ((k + 1) << 16) | (OCTET_STRING << 8) | CosemDateTime.LENGTH;
        int span = ROW_PREFIX + k * USUAL_VALUE;
        long day = Long.MIN_VALUE;
        long dayBase = 0;
        rows:
        for (; row < rows; row++, p += span) {
            if (end - p < span || (int) INT.get(b, p) != header) {
                break;
            }
            long head = (long) LONG_BE.get(b, p + 4);
            int tail = (int) INT.get(b, p + 12);
            long timeOfDay = timeOfDay(head, tail);
            long millis = dayBase + timeOfDay;
            if (dayKey(head, tail) != day || timeOfDay < 0) {
                millis = CosemClock.toEpochMilli(b, p + 4);
                if (millis == CosemClock.INVALID) {
                    break;
                }
                day = dayKey(head, tail);
                dayBase = millis - timeOfDay;
            }
            for (int v = row * k, last = v + k, q = p + ROW_PREFIX; v < last; v++, q += USUAL_VALUE) {
                if (b[q] != DOUBLE_LONG_UNSIGNED) {
                    break rows;
                }
                values[v] = (int) INT.get(b, q + 1) & 0xFFFF_FFFFL;
            }
            times[row] = millis;
        }
        return row;
    }

    /**
     * The milliseconds since midnight of the date-time whose first 8 bytes are {@code head} (year, month, day, day of
     * week, hour, minute, second) and last 4 {@code tail} (hundredths, deviation, status), or -1 when hour, minute,
     * second or hundredths are out of range or unspecified (hundredths may be unspecified: 0).
     */
    private static long timeOfDay(long head, int tail) {
        int hour = (int) (head >>> 16) & 0xFF;
        int minute = (int) (head >>> 8) & 0xFF;
        int second = (int) head & 0xFF;
        int hundredths = tail >>> 24;
        if (hour > 23 || minute > 59 || second > 59 || (hundredths > 99 && hundredths != CosemDateTime.NOT_SPECIFIED)) {
            return -1;
        }
        return hour * 3_600_000L
                + minute * 60_000L
                + second * 1_000L
                + (hundredths == CosemDateTime.NOT_SPECIFIED ? 0 : hundredths * 10L);
    }

    /** The bytes a day's rows share: year, month, day, day of week, deviation and status. */
    private static long dayKey(long head, int tail) {
        return (head & 0xFFFF_FFFF_FF00_0000L) | (tail & 0x00FF_FFFF);
    }

    /** A position over the APDU; one per decode. */
    private static final class Cursor {
        private final byte[] b;
        private final int start;
        private final int end;
        private int position;

        Cursor(byte[] b, int start, int end) {
            this.b = b;
            this.start = start;
            this.end = end;
            this.position = start;
        }

        void header() {
            int tag = u8("data-notification tag");
            if (tag != DataNotification.TAG) {
                throw malformed(start, "expected data-notification tag 0x0F, found " + Hex.byteHex(tag));
            }
            require(4, "long-invoke-id-and-priority");
            position += 4;
            int at = position;
            int length = u8("notification date-time length");
            if (length == CosemDateTime.LENGTH) {
                require(CosemDateTime.LENGTH, "notification date-time");
                try {
                    CosemDateTime.read(java.util.Arrays.copyOfRange(b, position, position + CosemDateTime.LENGTH));
                } catch (IllegalArgumentException e) {
                    throw malformed(at, e.getMessage());
                }
                position += CosemDateTime.LENGTH;
            } else if (length != 0) {
                throw malformed(at, "date-time octet-string of length " + length + "; expected 0 or 12");
            }
            containerHeader(STRUCTURE, PushDescriptor.BODY_ELEMENTS, "push body");
        }

        ProfileBuffer loadProfile(ProfileLayout layout) {
            int k = layout.valueColumns();
            int rows = arrayHeader("load profile entries", 2 + PushDescriptor.DATE_TIME_FIELD + 2 * k);
            long[] times = new long[rows];
            long[] values = new long[rows * k];
            int row = 0;
            while (row < rows) {
                int usual = k + 1 < 0x80 ? usualRows(b, position, end, row, rows, k, times, values) : row;
                position += (usual - row) * (ROW_PREFIX + k * USUAL_VALUE);
                row = usual;
                if (row < rows) {
                    int v = row * k;
                    entryHeader(k + 1, row, "load profile");
                    times[row] = captureTime(row, 0, "load profile");
                    for (int column = 1; column <= k; column++) {
                        values[v + column - 1] = integer(row, column, layout, null);
                    }
                    row++;
                }
            }
            return ProfileBuffer.wrap(k, times, values);
        }

        List<MeterEvent> events(Obis log) {
            int rows = arrayHeader("event log entries", 2 + PushDescriptor.DATE_TIME_FIELD + 2);
            List<MeterEvent> events = new ArrayList<>(rows);
            String what = "event log " + log;
            for (int row = 0; row < rows; row++) {
                entryHeader(PushDescriptor.EVENT_ELEMENTS, row, what);
                long at = captureTime(row, 0, what);
                int offset = position;
                int tag = u8("event code tag");
                int code;
                if (tag == UNSIGNED) {
                    code = (int) fixed(1);
                } else if (tag == LONG_UNSIGNED) {
                    code = (int) fixed(2);
                } else {
                    throw cell(
                            offset,
                            what,
                            row,
                            1,
                            "expected unsigned or long-unsigned event code, found " + DataType.describeTag(tag));
                }
                events.add(new MeterEvent(Instant.ofEpochMilli(at), code));
            }
            return events;
        }

        List<RegisterValue> registers(MeterModel model) {
            int rows = arrayHeader("readout entries", 2 + 2 + Obis.LENGTH + 2 + 6 + PushDescriptor.DATE_TIME_FIELD);
            List<RegisterValue> values = new ArrayList<>(rows);
            for (int row = 0; row < rows; row++) {
                entryHeader(PushDescriptor.READOUT_ELEMENTS, row, "readout");
                int obisOffset = position;
                Obis obis = obis("readout register");
                if (!model.readsRegister(obis)) {
                    throw cell(
                            obisOffset,
                            "readout",
                            row,
                            0,
                            "register " + obis + " is not one model " + model.name() + " reads out "
                                    + model.registers());
                }
                long value = integer(row, 1, null, obis);
                int scalerOffset = position;
                containerHeader(STRUCTURE, 2, "readout scaler and unit");
                int scaler = (byte) taggedByte(INTEGER, row, 2, scalerOffset);
                int unit = taggedByte(ENUM, row, 2, scalerOffset);
                long at = captureTime(row, 3, "readout");
                values.add(new RegisterValue(obis, value, scaler, unit, Instant.ofEpochMilli(at)));
            }
            return values;
        }

        private int taggedByte(int tag, int row, int column, int offset) {
            int found = u8("scaler and unit");
            if (found != tag) {
                throw cell(
                        offset,
                        "readout",
                        row,
                        column,
                        "expected structure { integer scaler, enum unit }, found " + DataType.describeTag(found)
                                + " at offset " + (position - 1 - start));
            }
            return u8("scaler and unit");
        }

        /** An array header whose count, at {@code minEntryBytes} each, fits the remaining input. */
        private int arrayHeader(String what, int minEntryBytes) {
            int offset = position;
            int tag = u8(what);
            if (tag != ARRAY) {
                throw malformed(offset, what + ": expected array, found " + DataType.describeTag(tag));
            }
            int count = length(what);
            if ((long) count * minEntryBytes > remaining()) {
                throw malformed(
                        offset,
                        what + ": array of " + count + " entries of at least " + minEntryBytes + " bytes overruns the "
                                + remaining() + " remaining bytes");
            }
            return count;
        }

        private void entryHeader(int elements, int row, String what) {
            int offset = position;
            int tag = u8("entry header");
            int count = tag == STRUCTURE ? length("entry header") : -1;
            if (count != elements) {
                throw malformed(
                        offset,
                        what + " row " + row + ": expected structure of " + elements + " elements, found "
                                + (tag == STRUCTURE ? "structure of " + count : DataType.describeTag(tag)));
            }
        }

        private void containerHeader(int expectedTag, int elements, String what) {
            int offset = position;
            int tag = u8(what);
            int count = tag == expectedTag ? length(what) : -1;
            if (count != elements) {
                throw malformed(
                        offset,
                        what + ": expected " + DataType.fromTag(expectedTag).dlmsName()
                                + " of " + elements + " elements, found "
                                + (tag == expectedTag ? count + " elements" : DataType.describeTag(tag)));
            }
        }

        private long captureTime(int row, int column, String what) {
            int offset = position;
            int tag = u8("capture time");
            if (tag == OCTET_STRING) {
                int length = length("capture time");
                if (length != CosemDateTime.LENGTH) {
                    throw cell(
                            offset,
                            what,
                            row,
                            column,
                            "expected octet-string(12) date-time, found octet-string(" + length + ")");
                }
            } else if (tag != DataType.DATE_TIME.tag()) {
                throw cell(
                        offset,
                        what,
                        row,
                        column,
                        "expected octet-string(12) date-time, found " + DataType.describeTag(tag));
            }
            require(CosemDateTime.LENGTH, "capture time");
            long millis = CosemClock.toEpochMilli(b, position);
            if (millis == CosemClock.INVALID) {
                throw cell(offset, what, row, column, "date-time is not a valid, fully specified instant");
            }
            position += CosemDateTime.LENGTH;
            return millis;
        }

        /**
         * An integer cell; the layout's capture object (or {@code named}, when not null) only names the column in an
         * error.
         */
        private long integer(int row, int column, ProfileLayout layout, Obis named) {
            int offset = position;
            int tag = u8("value");
            int width = WIDTH[tag];
            Obis obis = named;
            if (width == 0) {
                obis = obis == null ? layout.valueColumn(column - 1).obis() : obis;
                throw cell(
                        offset,
                        "value",
                        row,
                        column,
                        obis + ": expected an integer, found " + DataType.describeTag(tag));
            }
            long raw = fixed(width);
            if (SIGNED[tag]) {
                int shift = 64 - 8 * width;
                return (raw << shift) >> shift;
            }
            if (raw < 0) {
                obis = obis == null ? layout.valueColumn(column - 1).obis() : obis;
                throw cell(
                        offset,
                        "value",
                        row,
                        column,
                        obis + ": long64-unsigned " + Long.toUnsignedString(raw) + " exceeds the signed range");
            }
            return raw;
        }

        long octetStringLong(int length, String what) {
            octetStringHeader(length, what);
            return fixed(length);
        }

        Obis obis(String what) {
            octetStringHeader(Obis.LENGTH, what);
            int p = position;
            position += Obis.LENGTH;
            return new Obis(
                    b[p] & 0xFF, b[p + 1] & 0xFF, b[p + 2] & 0xFF, b[p + 3] & 0xFF, b[p + 4] & 0xFF, b[p + 5] & 0xFF);
        }

        private void octetStringHeader(int length, String what) {
            int offset = position;
            int tag = u8(what);
            if (tag != OCTET_STRING) {
                throw malformed(
                        offset, what + ": expected octet-string(" + length + "), found " + DataType.describeTag(tag));
            }
            int found = length(what);
            if (found != length) {
                throw malformed(
                        offset, what + ": expected octet-string(" + length + "), found octet-string(" + found + ")");
            }
            require(length, what);
        }

        private int length(String what) {
            int offset = position;
            int first = u8("length");
            if (first < 0x80) {
                return first;
            }
            if (first == 0x81) {
                return u8("length");
            }
            if (first == 0x82) {
                return (int) fixed(2);
            }
            throw malformed(offset, what + ": unsupported A-XDR length form " + Hex.byteHex(first));
        }

        private int u8(String what) {
            require(1, what);
            return b[position++] & 0xFF;
        }

        private long fixed(int width) {
            require(width, "a fixed-width value");
            long value = 0;
            for (int i = 0; i < width; i++) {
                value = (value << 8) | (b[position++] & 0xFF);
            }
            return value;
        }

        private void require(int count, String what) {
            if (count > end - position) {
                throw malformed(
                        position,
                        "truncated: need " + count + " bytes of " + what + ", " + (end - position) + " remain");
            }
        }

        private int remaining() {
            return end - position;
        }

        void expectEnd() {
            if (position != end) {
                throw malformed(position, (end - position) + " trailing bytes after the push body");
            }
        }

        /** An error at the absolute position {@code at}, reported relative to the start of the APDU. */
        private MalformedApdu malformed(int at, String detail) {
            return new MalformedApdu(at - start, detail);
        }

        private MalformedApdu cell(int offset, String what, int row, int column, String detail) {
            return malformed(offset, what + " row " + row + " column " + column + ": " + detail);
        }
    }
}
