package org.meterguard.dlms;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of a load-profile push (a {@link DataNotification} body) for a configured {@link ProfileLayout}:
 *
 * <pre>
 * structure(3) {
 *   octet-string(8)                     logical device name: the meter's system title
 *   octet-string(6)                     logical name of the pushed object: 1.0.99.1.0.255 (load profile 1)
 *   array(N) of structure(K + 1) {
 *     octet-string(12)                  capture time, COSEM date-time in UTC (deviation 0)
 *     value_1 .. value_K                double-long-unsigned, or long-unsigned for V and A columns
 *   }
 * }
 * </pre>
 *
 * Decoding accepts any integer type for a value and a date-time (tag 0x19) for the capture time; every mismatch with
 * the layout raises {@link MalformedApdu} naming the row and column (column 0 is the clock).
 *
 * <p>This is the {@link DataValue}-tree path. {@link PushEncoder} and {@link PushDecoder} write and read the same bytes
 * directly, several times faster, and also handle event-log and register pushes; prefer them on the hot path.
 */
public final class LoadProfileCodec {
    private LoadProfileCodec() {}

    /** The type a column's values are pushed as: long-unsigned for volts and amperes, else double-long-unsigned. */
    public static DataType valueType(CaptureObject column) {
        int unit = column.unit();
        return unit == CaptureObject.UNIT_VOLT || unit == CaptureObject.UNIT_AMPERE
                ? DataType.LONG_UNSIGNED
                : DataType.DOUBLE_LONG_UNSIGNED;
    }

    /**
     * The push body of {@code buffer}.
     *
     * @throws IllegalArgumentException when the column count differs from the layout or a value does not fit its
     *     column's type (naming the row and column)
     */
    public static DataValue encodeBody(SystemTitle device, ProfileLayout layout, ProfileBuffer buffer) {
        Objects.requireNonNull(device, "device");
        if (buffer.columns() != layout.valueColumns()) {
            throw new IllegalArgumentException(
                    "buffer has " + buffer.columns() + " value columns but the layout has " + layout.valueColumns());
        }
        List<DataValue> rows = new ArrayList<>(buffer.size());
        for (int row = 0; row < buffer.size(); row++) {
            List<DataValue> cells = new ArrayList<>(buffer.columns() + 1);
            byte[] time = CosemDateTime.ofUtc(buffer.capturedAt(row)).toBytes();
            cells.add(new DataValue.OctetString(time));
            for (int column = 0; column < buffer.columns(); column++) {
                DataType type = valueType(layout.valueColumn(column));
                long value = buffer.value(row, column);
                if (!type.fits(value)) {
                    throw new IllegalArgumentException("row " + row + " column " + (column + 1) + ": value " + value
                            + " does not fit " + type.dlmsName());
                }
                cells.add(new DataValue.IntegerValue(type, value));
            }
            rows.add(new DataValue.Structure(cells));
        }
        return DataValue.Structure.of(
                new DataValue.OctetString(device.toBytes()),
                new DataValue.OctetString(Obis.LOAD_PROFILE_1.toBytes()),
                new DataValue.Array(rows));
    }

    /**
     * The device (logical device name / system title) a push body comes from.
     *
     * @throws MalformedApdu when the body is not a 3-element structure starting with an 8-byte octet-string
     */
    public static SystemTitle deviceOf(DataValue body) {
        DataValue first = topLevel(body).get(0);
        if (!(first instanceof DataValue.OctetString name) || name.length() != SystemTitle.LENGTH) {
            throw new MalformedApdu(
                    "load profile body: expected octet-string(8) device name, found " + describe(first));
        }
        return SystemTitle.of(name.value());
    }

    /**
     * The entries of a push body, checked against {@code layout}.
     *
     * @throws MalformedApdu naming the row and column of the first element whose count or type does not match
     */
    public static ProfileBuffer decodeBody(DataValue body, ProfileLayout layout) {
        deviceOf(body);
        DataValue pushed = topLevel(body).get(1);
        if (!(pushed instanceof DataValue.OctetString name)
                || name.length() != Obis.LENGTH
                || !Obis.read(java.nio.ByteBuffer.wrap(name.value())).equals(Obis.LOAD_PROFILE_1)) {
            throw new MalformedApdu("load profile body: expected octet-string(6) 1.0.99.1.0.255 (load profile 1) as"
                    + " the pushed object, found " + describePushed(pushed));
        }
        DataValue entries = topLevel(body).get(2);
        if (!(entries instanceof DataValue.Array array)) {
            throw new MalformedApdu("load profile body: expected an array of entries, found " + describe(entries));
        }
        int k = layout.valueColumns();
        ProfileBuffer.Builder builder = ProfileBuffer.builder(k);
        long[] values = new long[k];
        for (int row = 0; row < array.elements().size(); row++) {
            DataValue entry = array.elements().get(row);
            if (!(entry instanceof DataValue.Structure s) || s.elements().size() != k + 1) {
                throw new MalformedApdu("load profile row " + row + ": expected structure of " + (k + 1)
                        + " elements, found " + describe(entry));
            }
            Instant at = captureTime(s.elements().get(0), row);
            for (int column = 1; column <= k; column++) {
                values[column - 1] = integerCell(s.elements().get(column), row, column, layout);
            }
            builder.add(at, values);
        }
        return builder.build();
    }

    private static List<DataValue> topLevel(DataValue body) {
        if (!(body instanceof DataValue.Structure s) || s.elements().size() != 3) {
            throw new MalformedApdu("load profile body: expected structure of 3 elements, found " + describe(body));
        }
        return s.elements();
    }

    private static Instant captureTime(DataValue cell, int row) {
        try {
            if (cell instanceof DataValue.DateTime dt) {
                return dt.value().toInstant();
            }
            if (cell instanceof DataValue.OctetString os && os.length() == CosemDateTime.LENGTH) {
                return CosemDateTime.read(os.value()).toInstant();
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new MalformedApdu("load profile row " + row + " column 0 (clock): " + e.getMessage());
        }
        throw new MalformedApdu("load profile row " + row + " column 0 (clock): expected octet-string(12) date-time,"
                + " found " + describe(cell));
    }

    private static long integerCell(DataValue cell, int row, int column, ProfileLayout layout) {
        if (cell instanceof DataValue.IntegerValue iv && iv.type().isInteger()) {
            if (iv.type() != DataType.LONG64_UNSIGNED || iv.value() >= 0) {
                return iv.value();
            }
        }
        throw new MalformedApdu("load profile row " + row + " column " + column + " ("
                + layout.captureObjects().get(column).obis() + "): expected an integer, found " + describe(cell));
    }

    private static String describePushed(DataValue value) {
        if (value instanceof DataValue.OctetString os && os.length() == Obis.LENGTH) {
            return Obis.read(java.nio.ByteBuffer.wrap(os.value())).toString();
        }
        return describe(value);
    }

    private static String describe(DataValue value) {
        if (value instanceof DataValue.Structure s) {
            return "structure of " + s.elements().size() + " elements";
        }
        if (value instanceof DataValue.Array a) {
            return "array of " + a.elements().size() + " elements";
        }
        if (value instanceof DataValue.OctetString os) {
            return "octet-string(" + os.length() + ")";
        }
        return value == null ? "nothing" : value.type().dlmsName();
    }
}
