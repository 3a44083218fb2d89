package org.meterguard.dlms;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A cursor over a copy of untrusted A-XDR bytes (lengths as in {@link AxdrWriter}). Typed reads check the tag and then
 * the value; {@code readRaw*} methods read untagged APDU fields. Every failure (truncation, wrong tag, length or count
 * beyond the remaining bytes, an unsupported length form, a value out of range) raises {@link MalformedApdu} naming the
 * offset and the expected and actual tag; nothing is allocated from a length larger than the remaining input. The
 * position is unspecified after a failure. Not thread-safe.
 */
public final class AxdrReader {
    private final byte[] data;
    private int position;

    /** A reader over a copy of {@code data}, positioned at its start. */
    public AxdrReader(byte[] data) {
        this.data = Objects.requireNonNull(data, "data").clone();
    }

    /** Offset of the next byte. */
    public int position() {
        return position;
    }

    /** Number of bytes left. */
    public int remaining() {
        return data.length - position;
    }

    public boolean hasRemaining() {
        return position < data.length;
    }

    /** The next tag byte without consuming it. */
    public int peekTag() {
        require(1, "a tag");
        return data[position] & 0xFF;
    }

    /** Fails when any byte is left. */
    public void expectEnd() {
        if (hasRemaining()) {
            throw malformed(position, remaining() + " trailing bytes after the end of the value");
        }
    }

    public int readRawUint8() {
        require(1, "1 byte");
        return data[position++] & 0xFF;
    }

    public int readRawUint16() {
        return (int) readRawFixed(2);
    }

    public long readRawUint32() {
        return readRawFixed(4);
    }

    /** Exactly {@code length} bytes; fails before allocating when fewer remain. */
    public byte[] readRawBytes(int length) {
        require(length, length + " bytes");
        byte[] out = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    /** An A-XDR variable length; forms longer than 0x82 nn nn are refused. */
    public int readLength() {
        int start = position;
        int first = readRawUint8();
        if (first < 0x80) {
            return first;
        }
        return switch (first) {
            case 0x81 -> readRawUint8();
            case 0x82 -> readRawUint16();
            default -> throw malformed(start, "unsupported A-XDR length form " + Hex.byteHex(first));
        };
    }

    public void readNullData() {
        expectTag(DataType.NULL_DATA);
    }

    /** A boolean; any non-zero byte is true. */
    public boolean readBoolean() {
        expectTag(DataType.BOOLEAN);
        return readRawUint8() != 0;
    }

    public DataValue.BitString readBitString() {
        expectTag(DataType.BIT_STRING);
        return bitStringBody();
    }

    private DataValue.BitString bitStringBody() {
        int start = position;
        int bits = readLength();
        int bytes = (bits + 7) / 8;
        if (bytes > remaining()) {
            throw malformed(start, "bit-string of " + bits + " bits overruns the " + remaining() + " remaining bytes");
        }
        return new DataValue.BitString(readRawBytes(bytes), bits);
    }

    /** A value of exactly this fixed-width integer type (or enum); long64-unsigned returns all 64 bits. */
    public long readIntegerOf(DataType type) {
        if (type.width() == 0) {
            throw new IllegalArgumentException(type.dlmsName() + " is not a fixed-width integer type");
        }
        expectTag(type);
        return integerBody(type);
    }

    private long integerBody(DataType type) {
        long raw = readRawFixed(type.width());
        int shift = 64 - 8 * type.width();
        return type.signed() ? (raw << shift) >> shift : raw;
    }

    public long readInt8() {
        return readIntegerOf(DataType.INTEGER);
    }

    public long readInt16() {
        return readIntegerOf(DataType.LONG);
    }

    public long readInt32() {
        return readIntegerOf(DataType.DOUBLE_LONG);
    }

    public long readInt64() {
        return readIntegerOf(DataType.LONG64);
    }

    public long readUint8() {
        return readIntegerOf(DataType.UNSIGNED);
    }

    public long readUint16() {
        return readIntegerOf(DataType.LONG_UNSIGNED);
    }

    public long readUint32() {
        return readIntegerOf(DataType.DOUBLE_LONG_UNSIGNED);
    }

    /** long64-unsigned as its 64 bits (use {@link Long#toUnsignedString} to print). */
    public long readUint64() {
        return readIntegerOf(DataType.LONG64_UNSIGNED);
    }

    public int readEnum() {
        return (int) readIntegerOf(DataType.ENUM);
    }

    /**
     * Any of the eight integer types as a {@code long}.
     *
     * @throws MalformedApdu when the tag is not an integer type or a long64-unsigned exceeds {@link Long#MAX_VALUE}
     */
    public long readInteger() {
        int start = position;
        DataType type = DataType.fromTag(peekTag());
        if (type == null || !type.isInteger()) {
            throw malformed(start, "expected an integer type, found " + DataType.describeTag(peekTag()));
        }
        long value = readIntegerOf(type);
        if (type == DataType.LONG64_UNSIGNED && value < 0) {
            throw malformed(start, "long64-unsigned " + Long.toUnsignedString(value) + " exceeds the signed range");
        }
        return value;
    }

    public float readFloat32() {
        expectTag(DataType.FLOAT32);
        return Float.intBitsToFloat((int) readRawFixed(4));
    }

    public double readFloat64() {
        expectTag(DataType.FLOAT64);
        return Double.longBitsToDouble(readRawFixed(8));
    }

    public byte[] readOctetString() {
        expectTag(DataType.OCTET_STRING);
        return readLengthPrefixed("octet-string");
    }

    /** A visible-string; bytes above 0x7F are refused. */
    public String readVisibleString() {
        expectTag(DataType.VISIBLE_STRING);
        return visibleStringBody();
    }

    private String visibleStringBody() {
        int start = position;
        byte[] bytes = readLengthPrefixed("visible-string");
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                throw malformed(start, "visible-string byte " + Hex.byteHex(bytes[i]) + " at index " + i);
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** A utf8-string; malformed UTF-8 is refused. */
    public String readUtf8String() {
        expectTag(DataType.UTF8_STRING);
        return utf8StringBody();
    }

    private String utf8StringBody() {
        int start = position;
        byte[] bytes = readLengthPrefixed("utf8-string");
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(start, "utf8-string of " + bytes.length + " bytes is not valid UTF-8");
        }
    }

    /** A date-time written either as octet-string of 12 bytes or as date-time (tag 0x19). */
    public CosemDateTime readDateTime() {
        int start = position;
        if (peekTag() == DataType.DATE_TIME.tag()) {
            expectTag(DataType.DATE_TIME);
            return dateTimeBody();
        }
        byte[] bytes = readOctetString();
        if (bytes.length != CosemDateTime.LENGTH) {
            throw malformed(start, "date-time octet-string of " + bytes.length + " bytes; expected 12");
        }
        try {
            return CosemDateTime.read(bytes);
        } catch (IllegalArgumentException e) {
            throw malformed(start, e.getMessage());
        }
    }

    private CosemDateTime dateTimeBody() {
        int start = position;
        try {
            return CosemDateTime.read(readRawBytes(CosemDateTime.LENGTH));
        } catch (IllegalArgumentException e) {
            throw malformed(start, e.getMessage());
        }
    }

    /**
     * A compact-array (tag 0x13): its type description and its elements, checked against the description.
     *
     * @throws MalformedApdu on a truncated or inconsistent description or contents
     */
    public DataValue.CompactArray readCompactArray() {
        return CompactArrayCodec.decode(this, 0);
    }

    /** The value of a simple type written without its tag, as inside compact-array contents. */
    DataValue readUntagged(DataType type) {
        return switch (type) {
            case NULL_DATA -> new DataValue.NullData();
            case BOOLEAN -> new DataValue.Bool(readRawUint8() != 0);
            case BIT_STRING -> bitStringBody();
            case OCTET_STRING -> new DataValue.OctetString(readLengthPrefixed("octet-string"));
            case VISIBLE_STRING -> new DataValue.VisibleString(visibleStringBody());
            case UTF8_STRING -> new DataValue.Utf8String(utf8StringBody());
            case FLOAT32 -> new DataValue.Float32(Float.intBitsToFloat((int) readRawFixed(4)));
            case FLOAT64 -> new DataValue.Float64(Double.longBitsToDouble(readRawFixed(8)));
            case DATE_TIME -> new DataValue.DateTime(dateTimeBody());
            default -> new DataValue.IntegerValue(type, integerBody(type));
        };
    }

    /** A structure header; returns its element count, which never exceeds the remaining bytes. */
    public int readStructure() {
        expectTag(DataType.STRUCTURE);
        return readCount("structure");
    }

    /** An array header; returns its element count, which never exceeds the remaining bytes. */
    public int readArray() {
        expectTag(DataType.ARRAY);
        return readCount("array");
    }

    /** The next complete value as a {@link DataValue} tree (nesting depth limited). */
    public DataValue readData() {
        return DataValue.decode(this);
    }

    private int readCount(String what) {
        int start = position;
        int count = readLength();
        if (count > remaining()) {
            throw malformed(
                    start, what + " of " + count + " elements overruns the " + remaining() + " remaining bytes");
        }
        return count;
    }

    private byte[] readLengthPrefixed(String what) {
        int start = position;
        int length = readLength();
        if (length > remaining()) {
            throw malformed(start, what + " length " + length + " overruns the " + remaining() + " remaining bytes");
        }
        return readRawBytes(length);
    }

    private void expectTag(DataType expected) {
        int start = position;
        require(1, expected.describe());
        int tag = data[position] & 0xFF;
        if (tag != expected.tag()) {
            throw malformed(start, "expected " + expected.describe() + ", found " + DataType.describeTag(tag));
        }
        position++;
    }

    private long readRawFixed(int width) {
        require(width, width + " bytes");
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = (value << 8) | (data[position++] & 0xFF);
        }
        return value;
    }

    private void require(int count, String what) {
        if (count < 0 || count > remaining()) {
            throw malformed(position, "truncated: need " + what + ", " + remaining() + " bytes remain");
        }
    }

    /** A {@link MalformedApdu} at {@code offset} of this input. */
    MalformedApdu malformed(int offset, String detail) {
        return new MalformedApdu(offset, detail);
    }
}
