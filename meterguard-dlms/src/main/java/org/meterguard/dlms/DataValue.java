package org.meterguard.dlms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * One A-XDR "Data" value (DLMS Blue Book) as an immutable tree. {@link #decode(AxdrReader)} reads one complete value
 * and refuses nesting deeper than {@link #MAX_DEPTH} containers; {@link #encode(AxdrWriter)} writes it back
 * byte-for-byte. All fixed-width integer types and enum share {@link IntegerValue}. Compact-array is read into
 * {@link CompactArray}; bcd, date, time and the delta types raise {@link UnsupportedDataType}.
 */
public sealed interface DataValue {
    /** Largest number of nested arrays and structures accepted when decoding. */
    int MAX_DEPTH = 16;

    /** The A-XDR type of this value. */
    DataType type();

    /** Writes tag and value. */
    void encode(AxdrWriter writer);

    /** The encoded bytes of this value. */
    default byte[] toBytes() {
        AxdrWriter writer = new AxdrWriter();
        encode(writer);
        return writer.toByteArray();
    }

    /**
     * Reads one complete value at the reader's position.
     *
     * @throws MalformedApdu on truncated or invalid input or nesting deeper than {@link #MAX_DEPTH}
     * @throws UnsupportedDataType on bcd, date, time and the delta types
     */
    static DataValue decode(AxdrReader reader) {
        return DataValueCodec.decode(reader, 0);
    }

    /** Reads exactly one value spanning all of {@code bytes}. */
    static DataValue decode(byte[] bytes) {
        AxdrReader reader = new AxdrReader(bytes);
        DataValue value = decode(reader);
        reader.expectEnd();
        return value;
    }

    /** null-data (tag 0). */
    record NullData() implements DataValue {
        public DataType type() {
            return DataType.NULL_DATA;
        }

        public void encode(AxdrWriter writer) {
            writer.nullData();
        }
    }

    /** boolean (tag 3). */
    record Bool(boolean value) implements DataValue {
        public DataType type() {
            return DataType.BOOLEAN;
        }

        public void encode(AxdrWriter writer) {
            writer.bool(value);
        }
    }

    /**
     * A fixed-width integer or enum; {@code value} must fit {@code type} ({@link DataType#fits}); long64-unsigned keeps
     * all 64 bits.
     */
    record IntegerValue(DataType type, long value) implements DataValue {
        public IntegerValue {
            Objects.requireNonNull(type, "type");
            if (type.width() == 0) {
                throw new IllegalArgumentException(type.dlmsName() + " is not a fixed-width integer type");
            }
            type.checkFits(value);
        }

        public void encode(AxdrWriter writer) {
            writer.integer(type, value);
        }
    }

    /** float32 (tag 23). */
    record Float32(float value) implements DataValue {
        public DataType type() {
            return DataType.FLOAT32;
        }

        public void encode(AxdrWriter writer) {
            writer.float32(value);
        }
    }

    /** float64 (tag 24). */
    record Float64(double value) implements DataValue {
        public DataType type() {
            return DataType.FLOAT64;
        }

        public void encode(AxdrWriter writer) {
            writer.float64(value);
        }
    }

    /** visible-string (tag 10): ASCII only, at most 65535 characters. */
    record VisibleString(String value) implements DataValue {
        public VisibleString {
            if (!StandardCharsets.US_ASCII.newEncoder().canEncode(value) || value.length() > AxdrWriter.MAX_LENGTH) {
                throw new IllegalArgumentException("visible-string must be ASCII of at most 65535 characters");
            }
        }

        public DataType type() {
            return DataType.VISIBLE_STRING;
        }

        public void encode(AxdrWriter writer) {
            writer.visibleString(value);
        }
    }

    /** utf8-string (tag 12): at most 65535 bytes in UTF-8. */
    record Utf8String(String value) implements DataValue {
        public Utf8String {
            int bytes = value.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > AxdrWriter.MAX_LENGTH) {
                throw new IllegalArgumentException("utf8-string of " + bytes + " bytes exceeds 65535");
            }
        }

        public DataType type() {
            return DataType.UTF8_STRING;
        }

        public void encode(AxdrWriter writer) {
            writer.utf8String(value);
        }
    }

    /** date-time (tag 25) followed by the 12 raw bytes. */
    record DateTime(CosemDateTime value) implements DataValue {
        public DateTime {
            Objects.requireNonNull(value, "value");
        }

        public DataType type() {
            return DataType.DATE_TIME;
        }

        public void encode(AxdrWriter writer) {
            writer.dateTimeValue(value);
        }
    }

    /** array (tag 1) of at most 65535 elements, copied immutably. */
    record Array(List<DataValue> elements) implements DataValue {
        public Array {
            elements = DataValueCodec.checkedElements(elements, "array");
        }

        public DataType type() {
            return DataType.ARRAY;
        }

        public void encode(AxdrWriter writer) {
            writer.array(elements.size());
            elements.forEach(e -> e.encode(writer));
        }
    }

    /** structure (tag 2) of at most 65535 elements, copied immutably. */
    record Structure(List<DataValue> elements) implements DataValue {
        public Structure {
            elements = DataValueCodec.checkedElements(elements, "structure");
        }

        /** A structure of these elements. */
        public static Structure of(DataValue... elements) {
            return new Structure(List.of(elements));
        }

        public DataType type() {
            return DataType.STRUCTURE;
        }

        public void encode(AxdrWriter writer) {
            writer.structure(elements.size());
            elements.forEach(e -> e.encode(writer));
        }
    }

    /**
     * compact-array (tag 19): a {@link TypeDescription} and elements of that shape, written without their tags.
     * Elements are copied immutably; each must match the description, and a description whose values occupy no bytes
     * (null-data) is refused because its element count could not be read back.
     */
    record CompactArray(TypeDescription description, List<DataValue> elements) implements DataValue {
        public CompactArray {
            Objects.requireNonNull(description, "description");
            elements = List.copyOf(Objects.requireNonNull(elements, "elements"));
            if (description.occupiesNoBytes() && !elements.isEmpty()) {
                throw new IllegalArgumentException("compact-array elements of " + description + " occupy no bytes");
            }
            for (int i = 0; i < elements.size(); i++) {
                if (!description.describes(elements.get(i))) {
                    throw new IllegalArgumentException(
                            "compact-array element " + i + " does not match its type description " + description);
                }
            }
        }

        public DataType type() {
            return DataType.COMPACT_ARRAY;
        }

        public void encode(AxdrWriter writer) {
            CompactArrayCodec.encode(writer, description, elements);
        }
    }

    /** octet-string (tag 9) of at most 65535 bytes, copied in and out; {@code toString} shows the length only. */
    final class OctetString implements DataValue {
        private final byte[] bytes;

        public OctetString(byte[] bytes) {
            if (bytes.length > AxdrWriter.MAX_LENGTH) {
                throw new IllegalArgumentException("octet-string of " + bytes.length + " bytes exceeds 65535");
            }
            this.bytes = bytes.clone();
        }

        /** A copy of the bytes. */
        public byte[] value() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        public DataType type() {
            return DataType.OCTET_STRING;
        }

        public void encode(AxdrWriter writer) {
            writer.octetString(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OctetString other && MessageDigest.isEqual(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "OctetString[" + bytes.length + " bytes]";
        }
    }

    /**
     * bit-string (tag 4) of {@code bitCount} bits held in {@code ceil(bitCount / 8)} bytes, most significant bit first;
     * copied in and out.
     */
    final class BitString implements DataValue {
        private final byte[] bytes;
        private final int bitCount;

        public BitString(byte[] bytes, int bitCount) {
            if (bitCount < 0 || bitCount > AxdrWriter.MAX_LENGTH || bytes.length != (bitCount + 7) / 8) {
                throw new IllegalArgumentException(
                        "bit-string of " + bitCount + " bits cannot be held in " + bytes.length + " bytes");
            }
            this.bytes = bytes.clone();
            this.bitCount = bitCount;
        }

        /** A copy of the bytes. */
        public byte[] bytes() {
            return bytes.clone();
        }

        public int bitCount() {
            return bitCount;
        }

        /** Bit {@code index}, 0 being the most significant bit of the first byte. */
        public boolean get(int index) {
            Objects.checkIndex(index, bitCount);
            return (bytes[index / 8] & (0x80 >>> (index % 8))) != 0;
        }

        public DataType type() {
            return DataType.BIT_STRING;
        }

        public void encode(AxdrWriter writer) {
            writer.bitString(bytes, bitCount);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BitString other
                    && bitCount == other.bitCount
                    && MessageDigest.isEqual(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(bytes) + bitCount;
        }

        @Override
        public String toString() {
            return "BitString[" + bitCount + " bits]";
        }
    }
}
