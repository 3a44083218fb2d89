package org.meterguard.dlms;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;

/**
 * Writes complete plaintext pushes (the {@link DataNotification} APDU, tag 0x0F, without a notification date-time)
 * straight into one exactly sized byte array, in the layout of {@link PushDescriptor}: no {@link DataValue} tree is
 * built. The result is what {@link PushDecoder} and {@link DataNotification#decode} read, ready for
 * {@link SecuritySuite0#protect}. Capture times are written as COSEM date-times in UTC (deviation 0, clock status 0),
 * hundredths truncated, exactly as {@link CosemDateTime#ofUtc} writes them. Stateless and thread-safe.
 */
public final class PushEncoder {
    private static final VarHandle BIG_ENDIAN_SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private PushEncoder() {}

    /**
     * A push of load profile 1 ({@link Obis#LOAD_PROFILE_1}); values are written as {@link LoadProfileCodec#valueType}
     * of their column.
     *
     * @param longInvokeIdAndPriority 0..0xFFFFFFFF
     * @throws IllegalArgumentException when the buffer's columns differ from the layout, it has more than 65535 rows,
     *     or a value does not fit its column's type (naming row and column)
     */
    public static byte[] loadProfile(
            long longInvokeIdAndPriority, SystemTitle device, ProfileLayout layout, ProfileBuffer buffer) {
        int k = layout.valueColumns();
        if (buffer.columns() != k) {
            throw new IllegalArgumentException(
                    "buffer has " + buffer.columns() + " value columns but the layout has " + k);
        }
        DataType[] types = new DataType[k];
        int rowSize = 1 + PushDescriptor.lengthSize(k + 1) + PushDescriptor.DATE_TIME_FIELD;
        for (int column = 0; column < k; column++) {
            types[column] = LoadProfileCodec.valueType(layout.valueColumn(column));
            rowSize += 1 + types[column].width();
        }
        int rows = buffer.size();
        Out out = header(longInvokeIdAndPriority, device, Obis.LOAD_PROFILE_1, rows, (long) rows * rowSize);
        for (int row = 0; row < rows; row++) {
            out.structure(k + 1).dateTime(buffer.capturedAtMillis(row), row);
            for (int column = 0; column < k; column++) {
                long value = buffer.value(row, column);
                if (!types[column].fits(value)) {
                    throw new IllegalArgumentException("row " + row + " column " + (column + 1) + ": value " + value
                            + " does not fit " + types[column].dlmsName());
                }
                out.integer(types[column], value);
            }
        }
        return out.finish();
    }

    /**
     * A push of an event log: each code as unsigned when it is below 256, else as long-unsigned.
     *
     * @param log {@link Obis#STANDARD_EVENT_LOG} or {@link Obis#POWER_FAILURE_EVENT_LOG}
     * @throws IllegalArgumentException for another log or more than 65535 events
     */
    public static byte[] events(long longInvokeIdAndPriority, SystemTitle device, Obis log, List<MeterEvent> events) {
        if (!Obis.STANDARD_EVENT_LOG.equals(log) && !Obis.POWER_FAILURE_EVENT_LOG.equals(log)) {
            throw new IllegalArgumentException("event log " + log + " is neither 0.0.99.98.0.255 nor 0.0.99.97.0.255");
        }
        long size = 0;
        for (MeterEvent event : events) {
            size += 2 + PushDescriptor.DATE_TIME_FIELD + (event.code() <= 0xFF ? 2 : 3);
        }
        Out out = header(longInvokeIdAndPriority, device, log, events.size(), size);
        for (int row = 0; row < events.size(); row++) {
            MeterEvent event = events.get(row);
            out.structure(PushDescriptor.EVENT_ELEMENTS).dateTime(millis(event.at(), row), row);
            out.integer(event.code() <= 0xFF ? DataType.UNSIGNED : DataType.LONG_UNSIGNED, event.code());
        }
        return out.finish();
    }

    /**
     * A register readout push ({@link Obis#REGISTER_READOUT}); each value as double-long-unsigned when it fits, else as
     * long64 (signed values below zero as double-long when they fit).
     *
     * @throws IllegalArgumentException for more than 65535 values
     */
    public static byte[] registers(long longInvokeIdAndPriority, SystemTitle device, List<RegisterValue> values) {
        long size = 0;
        DataType[] types = new DataType[values.size()];
        for (int i = 0; i < values.size(); i++) {
            types[i] = registerType(values.get(i).value());
            size += 2 + 2 + Obis.LENGTH + 1 + types[i].width() + 6 + PushDescriptor.DATE_TIME_FIELD;
        }
        Out out = header(longInvokeIdAndPriority, device, Obis.REGISTER_READOUT, values.size(), size);
        for (int row = 0; row < values.size(); row++) {
            RegisterValue value = values.get(row);
            out.structure(PushDescriptor.READOUT_ELEMENTS).obis(value.obis()).integer(types[row], value.value());
            out.structure(2).integer(DataType.INTEGER, value.scaler()).integer(DataType.ENUM, value.unit());
            out.dateTime(millis(value.capturedAt(), row), row);
        }
        return out.finish();
    }

    private static DataType registerType(long value) {
        if (DataType.DOUBLE_LONG_UNSIGNED.fits(value)) {
            return DataType.DOUBLE_LONG_UNSIGNED;
        }
        return DataType.DOUBLE_LONG.fits(value) ? DataType.DOUBLE_LONG : DataType.LONG64;
    }

    private static long millis(java.time.Instant at, int row) {
        if (at.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("row " + row + ": instant " + at + " is finer than a millisecond");
        }
        return at.toEpochMilli();
    }

    private static Out header(long invokeId, SystemTitle device, Obis pushed, int entries, long contentSize) {
        if (invokeId < 0 || invokeId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(
                    "long-invoke-id-and-priority " + invokeId + " out of range 0..4294967295");
        }
        Objects.requireNonNull(device, "device");
        if (entries > AxdrWriter.MAX_LENGTH) {
            throw new IllegalArgumentException("a push of " + entries + " entries exceeds 65535");
        }
        long size = PushDescriptor.BODY_OFFSET
                + PushDescriptor.BODY_HEADER_LENGTH
                + 1
                + PushDescriptor.lengthSize(entries)
                + contentSize;
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a push of " + size + " bytes is too large");
        }
        Out out = new Out((int) size);
        out.u8(DataNotification.TAG).fixed(invokeId, 4).u8(0);
        out.structure(PushDescriptor.BODY_ELEMENTS);
        out.u8(DataType.OCTET_STRING.tag()).u8(SystemTitle.LENGTH).fixed(device.value(), SystemTitle.LENGTH);
        out.obis(pushed);
        out.u8(DataType.ARRAY.tag()).length(entries);
        return out;
    }

    /** An exactly sized output array and its position. */
    private static final class Out {
        private final byte[] b;
        private int p;
        /** The UTC day of the last date-time written, and where its date bytes are. */
        private long lastDay = Long.MIN_VALUE;

        private int lastDateAt;

        Out(int size) {
            b = new byte[size];
        }

        Out u8(int value) {
            b[p++] = (byte) value;
            return this;
        }

        Out fixed(long value, int width) {
            switch (width) { // one store for the widths A-XDR integers have
                case 2 -> BIG_ENDIAN_SHORT.set(b, p, (short) value);
                case 4 -> BIG_ENDIAN_INT.set(b, p, (int) value);
                case 8 -> BIG_ENDIAN_LONG.set(b, p, value);
                default -> {
                    for (int i = width - 1; i >= 0; i--) {
                        b[p + width - 1 - i] = (byte) (value >>> (8 * i));
                    }
                }
            }
            p += width;
            return this;
        }

        Out length(int length) {
            if (length < 0x80) {
                return u8(length);
            }
            return length <= 0xFF ? u8(0x81).u8(length) : u8(0x82).fixed(length, 2);
        }

        Out structure(int elements) {
            return u8(DataType.STRUCTURE.tag()).length(elements);
        }

        Out integer(DataType type, long value) {
            return u8(type.tag()).fixed(value, type.width());
        }

        Out obis(Obis obis) {
            return u8(DataType.OCTET_STRING.tag())
                    .u8(Obis.LENGTH)
                    .u8(obis.a())
                    .u8(obis.b())
                    .u8(obis.c())
                    .u8(obis.d())
                    .u8(obis.e())
                    .u8(obis.f());
        }

        Out dateTime(long epochMilli, int row) {
            if (!CosemClock.writable(epochMilli)) {
                throw new IllegalArgumentException(
                        "row " + row + ": instant " + java.time.Instant.ofEpochMilli(epochMilli) + " is outside"
                                + " the years 0..65534 a COSEM date-time can hold");
            }
            u8(DataType.OCTET_STRING.tag()).u8(CosemDateTime.LENGTH);
            long day = Math.floorDiv(epochMilli, 86_400_000L);
            if (day == lastDay) {
                // A profile's rows mostly share their day: its date bytes once, then only the time of day.
                System.arraycopy(b, lastDateAt, b, p, 5);
                CosemClock.writeTime(epochMilli - day * 86_400_000L, b, p);
            } else {
                CosemClock.write(epochMilli, b, p);
                lastDay = day;
            }
            lastDateAt = p;
            p += CosemDateTime.LENGTH;
            return this;
        }

        byte[] finish() {
            if (p != b.length) {
                throw new IllegalStateException("push encoder wrote " + p + " of " + b.length + " bytes");
            }
            return b;
        }
    }
}
