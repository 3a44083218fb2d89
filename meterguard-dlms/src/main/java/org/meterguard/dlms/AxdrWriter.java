package org.meterguard.dlms;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A growable A-XDR encoder. Typed methods write the Blue Book tag then the value; {@code raw*} methods write untagged
 * fields for APDU headers. Lengths and element counts use the A-XDR variable length:
 *
 * <pre>
 * 0x00..0x7F             length itself
 * 0x81 nn                 length 0x80..0xFF
 * 0x82 nn nn              length 0x100..0xFFFF (longer is not supported)
 * </pre>
 *
 * Every method returns this writer; values out of range raise {@link IllegalArgumentException} naming the value. Not
 * thread-safe.
 */
public final class AxdrWriter {
    /** Largest length or element count this codec writes or reads. */
    public static final int MAX_LENGTH = 0xFFFF;

    private byte[] buffer;
    private int size;

    /** An empty writer. */
    public AxdrWriter() {
        this(64);
    }

    /** An empty writer with a capacity hint. */
    public AxdrWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }

    private AxdrWriter tag(DataType type) {
        return rawUint8(type.tag());
    }

    public AxdrWriter nullData() {
        return tag(DataType.NULL_DATA);
    }

    public AxdrWriter bool(boolean value) {
        return tag(DataType.BOOLEAN).rawUint8(value ? 1 : 0);
    }

    /**
     * A bit-string of {@code bitCount} bits taken from the first {@code ceil(bitCount / 8)} bytes, most significant bit
     * first.
     */
    public AxdrWriter bitString(byte[] bits, int bitCount) {
        int bytes = (bitCount + 7) / 8;
        if (bitCount < 0 || bitCount > MAX_LENGTH || bits.length < bytes) {
            throw new IllegalArgumentException(
                    "bit-string of " + bitCount + " bits does not fit " + bits.length + " bytes (or exceeds 65535)");
        }
        return tag(DataType.BIT_STRING).length(bitCount).rawBytes(bits, 0, bytes);
    }

    /** Any fixed-width integer type or enum, range-checked. */
    public AxdrWriter integer(DataType type, long value) {
        if (type.width() == 0) {
            throw new IllegalArgumentException(type.dlmsName() + " is not a fixed-width integer type");
        }
        type.checkFits(value);
        return tag(type).rawFixed(value, type.width());
    }

    public AxdrWriter int8(long value) {
        return integer(DataType.INTEGER, value);
    }

    public AxdrWriter int16(long value) {
        return integer(DataType.LONG, value);
    }

    public AxdrWriter int32(long value) {
        return integer(DataType.DOUBLE_LONG, value);
    }

    public AxdrWriter int64(long value) {
        return integer(DataType.LONG64, value);
    }

    public AxdrWriter uint8(long value) {
        return integer(DataType.UNSIGNED, value);
    }

    public AxdrWriter uint16(long value) {
        return integer(DataType.LONG_UNSIGNED, value);
    }

    public AxdrWriter uint32(long value) {
        return integer(DataType.DOUBLE_LONG_UNSIGNED, value);
    }

    /** long64-unsigned: all 64 bits of {@code value}, read as unsigned. */
    public AxdrWriter uint64(long value) {
        return integer(DataType.LONG64_UNSIGNED, value);
    }

    public AxdrWriter enumValue(int value) {
        return integer(DataType.ENUM, value);
    }

    public AxdrWriter float32(float value) {
        return tag(DataType.FLOAT32).rawFixed(Float.floatToRawIntBits(value), 4);
    }

    public AxdrWriter float64(double value) {
        return tag(DataType.FLOAT64).rawFixed(Double.doubleToRawLongBits(value), 8);
    }

    public AxdrWriter octetString(byte[] value) {
        return tag(DataType.OCTET_STRING).length(value.length).rawBytes(value);
    }

    /** A visible-string; only ASCII characters are allowed. */
    public AxdrWriter visibleString(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7F) {
                throw new IllegalArgumentException("visible-string contains non-ASCII character at index " + i);
            }
        }
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        return tag(DataType.VISIBLE_STRING).length(bytes.length).rawBytes(bytes);
    }

    public AxdrWriter utf8String(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return tag(DataType.UTF8_STRING).length(bytes.length).rawBytes(bytes);
    }

    /** A COSEM date-time the way most objects carry it: octet-string (tag 0x09, length 0x0C) of 12 bytes. */
    public AxdrWriter dateTime(CosemDateTime value) {
        return tag(DataType.OCTET_STRING).length(CosemDateTime.LENGTH).rawBytes(value.toBytes());
    }

    /** A COSEM date-time as the date-time type (tag 0x19) followed by its 12 bytes. */
    public AxdrWriter dateTimeValue(CosemDateTime value) {
        return tag(DataType.DATE_TIME).rawBytes(value.toBytes());
    }

    /**
     * A compact-array: the type description, then the elements without their tags as one octet-string.
     *
     * @throws IllegalArgumentException when an element does not match the description
     */
    public AxdrWriter compactArray(TypeDescription description, java.util.List<DataValue> elements) {
        new DataValue.CompactArray(description, elements).encode(this);
        return this;
    }

    /** The header of an array of {@code count} elements, which the caller writes next. */
    public AxdrWriter array(int count) {
        return tag(DataType.ARRAY).length(count);
    }

    /** The header of a structure of {@code count} elements, which the caller writes next. */
    public AxdrWriter structure(int count) {
        return tag(DataType.STRUCTURE).length(count);
    }

    /** An A-XDR variable length, 0..65535. */
    public AxdrWriter length(int length) {
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("A-XDR length " + length + " out of range 0..65535");
        }
        if (length < 0x80) {
            return rawUint8(length);
        }
        if (length <= 0xFF) {
            return rawUint8(0x81).rawUint8(length);
        }
        return rawUint8(0x82).rawUint16(length);
    }

    public AxdrWriter rawUint8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public AxdrWriter rawUint16(int value) {
        return rawFixed(value, 2);
    }

    public AxdrWriter rawUint32(long value) {
        return rawFixed(value, 4);
    }

    public AxdrWriter rawBytes(byte[] bytes) {
        return rawBytes(bytes, 0, bytes.length);
    }

    public AxdrWriter rawBytes(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    private AxdrWriter rawFixed(long value, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            buffer[size++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    /** Number of bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }
}
